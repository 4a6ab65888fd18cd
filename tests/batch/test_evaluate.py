"""evaluate(): pair-of-people scoring on a small gold file written for the project."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from diplograph.batch.evaluate import (SCORE_KEYS, evaluate, format_scores, gold_pairs, pred_pairs,
                                 type_ok)

GOLD = Path(__file__).parents[1] / "data" / "gold_small.jsonl"


def _contact(names, type_, status, date, countries=()):
    parts = [{"id": n, "name": n, "kind": "person"} for n in names]
    parts += [{"id": "country:" + c, "name": c, "kind": "country"} for c in countries]
    value = None if date is None else {"text": "x", "start": 0, "end": 1, "value": date,
                                       "granularity": "day"}
    return {"participants": parts, "type": type_, "status": status, "date": value}


PREDS = {
    "g1": [_contact(["Olaf Scholz", "Emmanuel Macron"], "phone_call", "occurred", "2024-05-14"),
           _contact(["Macron", "Scholz"], "talks", "planned", None),          # second candidate: spurious
           _contact(["Scholz", "Donald Tusk"], "meeting", "occurred", "2024-05"),  # status wrong
           _contact(["Scholz", "Vladimir Putin"], "talks", "possible", None),  # spurious
           _contact(["Scholz"], "visit", "planned", "2024-W21", countries=["Poland"])],  # no pair
    "g2": [_contact(["William Ruto", "Nana Akufo-Addo", "Macky Sall"], "meeting", "occurred",
                    "2023-06-10")],  # 3 pairs of weight 1/2, date wrong
}


def _fake():
    ids = {json.loads(line)["text"]: json.loads(line)["id"]
           for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()}

    def run(text, published):
        doc = ids[text]
        if doc == "g3":
            raise RuntimeError("boom")
        return {"contacts": PREDS[doc]}

    return run


def test_scores_match_hand_computation(capsys):
    scores = evaluate([GOLD], extractor=_fake())
    assert list(scores) == list(SCORE_KEYS)
    scores.pop("seconds")
    # gold: g1 2 pairs, g2 3 pairs x 1/2 + 1, g3 1 -> 5.5; pred: g1 4, g2 1.5 -> 5.5;
    # matched gold weight 1 + 1 + 1.5 = 3.5; strict (type and status right) 1 + 1.5 = 2.5
    assert scores == {"docs": 3, "errors": 1, "gold_pairs": 5.5, "pred_pairs": 5.5,
                      "pair_p": 0.636, "pair_r": 0.636, "pair_f1": 0.636, "strict_f1": 0.455,
                      "type_acc": 1.0, "status_acc": 0.8, "date_acc_dated": 0.4,
                      "date_acc_all": 0.4}
    assert "ERROR g3: RuntimeError: boom" in capsys.readouterr().err


def test_show_lists_wrong_missed_spurious():
    out = io.StringIO()
    evaluate([GOLD], show=True, extractor=_fake(), out=out)
    lines = out.getvalue().splitlines()
    assert "  g1 WRONG ['status']: pred=Scholz|Donald Tusk meeting occurred 2024-05  " \
           "gold=visit planned 2024-W21" in lines
    assert "  g1 SPURIOUS: Macron|Scholz talks planned None" in lines
    assert sum("g2 WRONG ['date']" in x for x in lines) == 3
    assert any(x.startswith("  g2 MISSED: ['ruto']|['odinga', 'raila odinga'] talks denied") for x in lines)
    assert len(lines) == 8


def test_perfect_and_empty_predictions():
    def perfect(text, published):
        item = next(json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines()
                    if x.strip() and json.loads(x)["text"] == text)
        out = []
        for c in item["contacts"]:
            names = [p if isinstance(p, str) else p[0] for p in c["participants"]]
            out.append(_contact(names, c["type"], c["status"], c["date"]))
        return {"contacts": out}

    s = evaluate([GOLD], extractor=perfect)
    assert (s["pair_f1"], s["strict_f1"], s["status_acc"], s["date_acc_all"]) == (1.0, 1.0, 1.0, 1.0)
    s = evaluate([GOLD], extractor=lambda text, published: {"contacts": []})
    assert (s["pair_p"], s["pair_r"], s["pair_f1"], s["pred_pairs"]) == (0.0, 0.0, 0.0, 0)


def test_type_compatibility():
    assert type_ok("meeting", ["visit"]) and type_ok("phone_call", ["video_call"])
    assert type_ok("visit", ["talks"])               # gold talks: mode not stated
    assert not type_ok("talks", ["phone_call"])      # but pred talks does not fit a known mode
    assert not type_ok("meeting", ["phone_call"])


def test_pairs_weights_and_country_parties():
    item = {"contacts": [{"participants": [["a"], ["b"], ["c"]], "type": "meeting",
                          "status": "occurred"}]}
    assert [g["w"] for g in gold_pairs(item)] == [0.5, 0.5, 0.5]
    pred = {"contacts": [_contact(["A", "B"], "visit", "occurred", None, countries=["X"])]}
    assert [(p["a"], p["b"], p["w"]) for p in pred_pairs(pred)] == [("A", "B", 1.0)]


def test_format_scores_is_aligned():
    assert format_scores({"docs": 3, "pair_f1": 0.5}) == "docs             3\npair_f1          0.5"


def test_bad_gold_line_is_named(tmp_path):
    from diplograph.errors import InputError

    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"text": "ok", "contacts": []}\n{oops\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:2: malformed JSON"):
        evaluate([bad], extractor=lambda t, p: {"contacts": []})


@pytest.mark.slow
def test_default_extractor_runs_the_pipeline(nlp):
    s = evaluate([GOLD])
    assert s["docs"] == 3 and s["errors"] == 0 and s["gold_pairs"] == 5.5
