"""A generated general-news corpus that is not about contacts, for the archive-mode benchmark.

    python bench/general_news.py --n 500 -o /tmp/general.jsonl     # JSON Lines: id, published, text

No PyPI package we could find ships real news text under a licence that allows redistribution
(the news sets on PyPI are scraped copies under the publishers' copyright), so the corpus is
generated, deterministically from a seed, from templates written for this benchmark: business,
markets, sport, weather, science and health, courts, culture, local government, transport and
technology. Articles have a headline and paragraphs of 1-3 sentences (about 250-400 words; each
sentence template at most twice) with invented people, companies, teams and towns. They use contact words the way general
news does, in other senses ("called for", "the board meeting", "visitors", "talks about", "a trip
to the final", "met expectations", "joined the club", "received an award", "the spokesperson
said"), with names, titles ("Mayor", "chief executive", "coach") and pronouns, so the first pass
of archive mode is tested on what it must skip. A few articles (about 1 in 12) report an ordinary
meeting between two named people (a mayor and a minister, two chief executives), as real general
news sometimes does: archive mode must keep those.

Generated text is more regular than real news; the archive-mode speed-up on it says how much a first
pass can skip when 90 % of a corpus is not about contacts, not what a given archive will get.
"""
from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator

FIRST = ["James", "Maria", "Daniel", "Aisha", "Tom", "Sofia", "Liam", "Grace", "Omar", "Hannah", "Lucas",
         "Priya", "Ethan", "Chloe", "Mateo", "Nora", "Samuel", "Yuki", "Isaac", "Leila", "Peter",
         "Amara", "Victor", "Elena", "Jonas", "Fatima", "Ryan", "Ingrid", "Kofi", "Claire"]
LAST = ["Harper", "Okafor", "Lindqvist", "Moreno", "Walsh", "Brennan", "Castillo", "Nakamura",
        "Fischer", "Adeyemi", "Kowalski", "Duarte", "Pearce", "Sandoval", "Holt", "Varga", "Mensah",
        "Aldridge", "Ferreira", "Quinn", "Rasmussen", "Ibarra", "Lowe", "Petrov", "Hale", "Bishop"]
TOWNS = ["Ashford", "Millbrook", "Port Selby", "Dunmore", "Riverton", "Eastleigh", "Carrow", "Halden",
         "Westfield", "Brackley", "Norwood", "Kingsbridge", "Lakemont", "Stanwick"]
COMPANIES = ["Northwind Logistics", "Brightpath Energy", "Keller & Stone", "Orion Foods", "Halcyon Bank",
             "Veridian Pharma", "Bluecrest Motors", "Tidewater Retail", "Summit Telecom", "Ardent Steel"]
TEAMS = ["Riverton Rovers", "Ashford Athletic", "Port Selby United", "Halden City", "Carrow Town",
         "Eastleigh Wanderers", "Norwood Falcons", "Lakemont Lions"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "this month",
        "earlier this year", "on Saturday", "yesterday"]
ROLES = ["chief executive", "finance director", "spokesperson", "head coach", "council leader",
         "professor", "lead researcher", "chief constable", "festival director", "union official"]

TOPICS = {
    "business": [
        "{co} reported a {n}% rise in quarterly profit {day}, beating analysts' forecasts.",
        "Shares in {co} fell {n}% after the company cut its outlook for the year.",
        "{name}, the company's {role}, said demand had held up better than expected.",
        "The board meeting is due to approve a dividend of {n} pence a share.",
        "Investors called for more detail on the cost-cutting plan.",
        "{co} said it would open {n} new stores and create about {n}00 jobs.",
        "The results met expectations, {name} told reporters on a conference call with analysts.",
        "Talks with suppliers over prices are continuing, the company said.",
        "{name} joined the company from {co2} two years ago.",
        "The firm has been under pressure since a profit warning in the spring.",
        "Analysts at {co2} said the figures showed a business in better shape than many feared.",
        "Sales in {town} rose {n}%, helped by warm weather and a strong holiday season.",
    ],
    "markets": [
        "Stock markets edged higher {day} as investors weighed new inflation figures.",
        "The benchmark index closed up {n} points, led by banks and miners.",
        "Oil prices slipped to their lowest level in {n} weeks.",
        "The central bank's next policy meeting is in {month}, and traders see a rate cut as likely.",
        "Bond yields fell after weaker-than-expected retail sales data.",
        "\"The market is looking for a reason to rally,\" said {name}, a strategist at {co}.",
        "Gold rose for a third session as the dollar weakened.",
        "Currency traders said volumes were thin ahead of a public holiday.",
        "Shares in {co} jumped {n}% after a broker upgrade.",
    ],
    "sport": [
        "{team} beat {team2} {n}-{m} {day} to move into the play-off places.",
        "{name} scored twice in the second half, including a penalty in the {n}th minute.",
        "The {role}, {name}, said the squad had shown real character.",
        "Fans who made the trip to {town} were rewarded with a late winner.",
        "{team2} have now gone {n} games without a win.",
        "The club confirmed that {name} had joined on a two-year contract.",
        "A crowd of {n},000 saw the home side dominate possession.",
        "Visitors to the stadium will see a new stand open next season.",
        "{name} received the player of the month award for {month}.",
        "The match was delayed for {n} minutes because of heavy rain.",
        "Next up for {team} is a trip to {team2} in the cup.",
    ],
    "weather": [
        "Forecasters have issued a yellow warning for heavy rain across {town} and the surrounding area.",
        "Up to {n}mm of rain could fall in some places {day}, the weather service said.",
        "Temperatures are expected to reach {n}C by the weekend.",
        "Drivers were told to see whether their route was affected before setting off.",
        "Several schools closed early and a number of roads were flooded.",
        "{name}, a forecaster, said the unsettled spell would last into next week.",
        "The council called on residents to check on elderly neighbours.",
        "Visitors to the coast were warned to stay away from the sea front.",
    ],
    "science": [
        "Researchers at the University of {town} have found that {n} minutes of walking a day lowers blood pressure.",
        "The study, published in a medical journal {day}, followed {n},000 adults for a decade.",
        "\"This is a large effect for a small change,\" said {name}, the {role} who led the work.",
        "The team presented its findings at a conference in {town}.",
        "Other scientists called for larger trials before any change to guidance.",
        "The research was funded by a charity and received no money from industry.",
        "Patients who took part were seen every six months.",
        "{name} said the group would next look at children and teenagers.",
        "A talk on the results will be streamed online next month.",
    ],
    "courts": [
        "A {n}-year-old man from {town} has been jailed for {n} months for fraud.",
        "The court heard that he had taken money from {n} customers over two years.",
        "Judge {last} said the offences had caused real hardship.",
        "{name}, prosecuting, told the jury the scheme had been carefully planned.",
        "The defence called no witnesses.",
        "Police said they had received a number of complaints before the arrest.",
        "The case was adjourned until {month} for sentencing of a second defendant.",
        "Outside court, a spokesperson for the victims said they were relieved.",
    ],
    "culture": [
        "The {town} festival opens {day} with more than {n} events across the town.",
        "Organisers expect {n},000 visitors over ten days.",
        "{name}, the {role}, said this year's programme was the most varied yet.",
        "The novelist {name2} will give a talk about her new book on the opening night.",
        "The gallery received a grant of {n},000 pounds to restore its roof.",
        "Tickets for the closing concert sold out within hours.",
        "A new play about the town's shipyards is among the highlights.",
        "Visitors can see the exhibition until the end of {month}.",
        "{name2} joined the orchestra as principal violin last year.",
    ],
    "local": [
        "Councillors in {town} have approved plans for {n} new homes on the edge of the town.",
        "The decision was taken at a planning meeting {day} after a two-hour debate.",
        "Residents called for better roads and a new school before any building starts.",
        "{name}, the council leader, said the homes were badly needed.",
        "Opponents said the site floods and will see more traffic.",
        "The council will hold a public session on the plans next month.",
        "A petition against the scheme received more than {n} signatures.",
        "Mayor {last} said she would visit the site with residents.",
    ],
    "transport": [
        "Rail passengers in {town} face disruption {day} because of engineering work.",
        "Services between {town} and {town2} will be replaced by buses.",
        "The operator called on passengers to check before they travel.",
        "Talks between the union and the rail company over pay ended without agreement.",
        "{name}, a union official, said members would meet next week to discuss further action.",
        "The new timetable adds {n} trains a day on the busiest routes.",
        "A spokesperson said the trip between the two towns would take {n} minutes longer.",
        "Airport passenger numbers rose {n}% in {month} compared with last year.",
    ],
    "technology": [
        "{co} launched a new phone {day}, with a larger screen and a longer battery life.",
        "The device will go on sale in {month} for {n}99 dollars.",
        "{name}, the company's {role}, presented the phone at an event in {town}.",
        "Reviewers said the camera was the biggest improvement.",
        "The company has faced calls to make its devices easier to repair.",
        "Users will see a software update with new privacy settings next week.",
        "{co2} said it would join an industry group on battery recycling.",
        "The chip shortage that hit sales last year has eased, {name} said.",
    ],
}

# ordinary meetings in general news (about 1 article in 12): archive mode must keep these
MEETINGS = [
    "{title} {name} met {name2}, the {role} of {co}, in {town} {day} to discuss the new factory.",
    "{name} and {name2} held talks {day} on a possible merger, people familiar with the matter said.",
    "{name} spoke by phone with {name2} {day} about the delayed contract, a spokesperson said.",
    "{title} {name} will visit {town} next week and meet {name2} to discuss the flood defences.",
]
TITLES = ["Mayor", "Transport Minister", "Health Secretary", "Governor"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
HEADLINES = {
    "business": "{co} profits rise as demand holds up", "markets": "Markets edge higher on inflation data",
    "sport": "{team} win to climb into play-off places", "weather": "Heavy rain warning for {town}",
    "science": "Short daily walks lower blood pressure, study finds",
    "courts": "{town} man jailed for fraud", "culture": "{town} festival opens with record programme",
    "local": "Plans for {n} homes in {town} approved", "transport": "Rail disruption in {town} this week",
    "technology": "{co} unveils new phone",
}


def _fill(rnd: random.Random, template: str, cast: dict[str, str]) -> str:
    vals = dict(cast)
    vals.update(n=str(rnd.randint(2, 60)), m=str(rnd.randint(0, 3)), day=rnd.choice(DAYS),
                month=rnd.choice(MONTHS), role=rnd.choice(ROLES))
    return template.format(**vals)


def _cast(rnd: random.Random) -> dict[str, str]:
    a, b = rnd.sample(FIRST, 2)
    la, lb = rnd.sample(LAST, 2)
    co, co2 = rnd.sample(COMPANIES, 2)
    team, team2 = rnd.sample(TEAMS, 2)
    town, town2 = rnd.sample(TOWNS, 2)
    return {"name": f"{a} {la}", "name2": f"{b} {lb}", "last": la, "co": co, "co2": co2, "team": team,
            "team2": team2, "town": town, "town2": town2, "title": rnd.choice(TITLES)}


def article(rnd: random.Random, i: int) -> dict[str, str]:
    topic = rnd.choice(sorted(TOPICS))
    cast = _cast(rnd)
    lines = [_fill(rnd, HEADLINES[topic], cast)]
    pool = TOPICS[topic] * 2  # each sentence at most twice per article, in a random order
    rnd.shuffle(pool)
    while pool:
        k = min(rnd.randint(1, 3), len(pool))
        lines.append(" ".join(_fill(rnd, pool.pop(), cast) for _ in range(k)))
    if i % 12 == 5:
        lines.insert(rnd.randint(2, len(lines)), _fill(rnd, rnd.choice(MEETINGS), cast))
    published = f"2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
    return {"id": f"general-{i:05d}", "published": published, "topic": topic, "text": "\n".join(lines)}


def articles(n: int, seed: int = 0) -> Iterator[dict[str, str]]:
    rnd = random.Random(seed)
    for i in range(n):
        yield article(rnd, i)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args(argv)
    with open(args.output, "w", encoding="utf-8") as f:
        for a in articles(args.n, args.seed):
            f.write(json.dumps(a, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
