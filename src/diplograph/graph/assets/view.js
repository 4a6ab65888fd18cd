/* diplograph contact-graph view: filters, search and details over a Cytoscape.js graph.
   The data (nodes with positions, one edge per contact and pair) comes from diplograph.graph.view. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("diplograph-data").textContent);
  var STATUSES = ["occurred", "planned", "possible", "denied"];
  var STATUS_WORDS = {occurred: "occurred", planned: "planned", possible: "possible (reported, unconfirmed)", denied: "denied"};
  var nodeById = {};
  DATA.nodes.forEach(function (n) { nodeById[n.id] = n; });
  var LARGE = DATA.edges.length > 2500;

  // ---------------------------------------------------------------- helpers
  var FOLD = {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h"};
  function fold(s) {
    s = (s || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    s = s.replace(/[øłđðþßæœıħ]/g, function (c) { return FOLD[c]; });
    return s.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  function el(tag, attrs) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "class") e.className = attrs[k];
      else if (k === "style") e.style.cssText = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return e;
  }
  function month(iso) { return (+iso.slice(0, 4)) * 12 + (iso.length >= 7 ? +iso.slice(5, 7) - 1 : 0); }
  function monthLabel(i) { var m = i % 12 + 1; return Math.floor(i / 12) + "-" + (m < 10 ? "0" : "") + m; }
  function typeWord(t) { return (t || "contact").replace(/_/g, " "); }
  function edgeColor(e) {
    var s = DATA.statusStyles[e.status] || {};
    return s.color || DATA.typeColors[e.type] || "#868e96";
  }
  function chrono(a, b) {
    var x = a.start || "9999", y = b.start || "9999";
    return x < y ? -1 : x > y ? 1 : (a.date || "") < (b.date || "") ? -1 : 1;
  }

  // ---------------------------------------------------------------- the graph
  var maxContacts = Math.max.apply(null, DATA.nodes.map(function (n) { return n.contacts; }).concat([1]));
  var elements = DATA.nodes.map(function (n) {
    var r = Math.log(1 + n.contacts) / Math.log(1 + maxContacts);
    return {group: "nodes", data: {id: n.id, label: n.label, kind: n.kind, color: n.color,
      size: 14 + 46 * r, font: 12 + 26 * r}, position: {x: n.x, y: n.y}};
  });
  DATA.edges.forEach(function (e) {
    var months = e.start ? [month(e.start), month(e.end || e.start)] : null;
    e.months = months;
    elements.push({group: "edges", data: {id: e.id, source: e.s, target: e.t, status: e.status,
      type: e.type, color: edgeColor(e), line: (DATA.statusStyles[e.status] || {}).line || "solid"}});
  });
  var cy = cytoscape({
    container: document.getElementById("graph"),
    elements: elements,
    layout: {name: "preset", fit: true, padding: 30},
    minZoom: 0.02, maxZoom: 6,
    hideEdgesOnViewport: LARGE, textureOnViewport: LARGE,
    style: [
      {selector: "node", style: {
        "background-color": "data(color)", "width": "data(size)", "height": "data(size)",
        "label": "data(label)", "font-size": "data(font)", "min-zoomed-font-size": 8,
        "text-valign": "bottom", "text-margin-y": 3, "color": "#222",
        "text-outline-color": "#fff", "text-outline-width": 2, "border-width": 1, "border-color": "#fff"}},
      {selector: "node[kind = 'country']", style: {"shape": "round-rectangle"}},
      {selector: "edge", style: {
        "width": LARGE ? 1 : 2, "line-color": "data(color)", "line-style": "data(line)",
        "curve-style": LARGE ? "haystack" : "bezier", "opacity": LARGE ? 0.3 : 0.8}},
      {selector: "edge[status = 'denied']", style: LARGE ? {"width": 2} :
        {"width": 3, "mid-source-arrow-shape": "tee", "mid-source-arrow-color": "data(color)", "arrow-scale": 1.2}},
      {selector: ".hidden", style: {"display": "none"}},
      {selector: ".faded", style: {"opacity": 0.1, "text-opacity": 0.15}},
      {selector: "node:selected", style: {"border-width": 4, "border-color": "#111"}},
      {selector: "edge:selected", style: {"width": 5, "opacity": 1}},
      {selector: "node.found", style: {"border-width": 4, "border-color": "#f59f00"}}
    ]
  });

  function fit(eles) {
    cy.fit(eles, 30);
    if (cy.zoom() > 1.5) { cy.zoom(1.5); cy.center(eles); }
  }
  fit(cy.elements());
  // the most connected people keep a readable label in the overview; the others show theirs on zooming in
  (function () {
    var z = cy.zoom(), hubs = DATA.nodes.slice().sort(function (a, b) { return b.contacts - a.contacts; }).slice(0, 12);
    cy.batch(function () {
      hubs.forEach(function (n) {
        var ce = cy.getElementById(n.id);
        ce.data("font", Math.max(ce.data("font"), 12 / z));
      });
    });
  })();

  // ---------------------------------------------------------------- filters
  var dated = DATA.edges.filter(function (e) { return e.months; });
  var lo = dated.length ? Math.min.apply(null, dated.map(function (e) { return e.months[0]; })) : 0;
  var hi = dated.length ? Math.max.apply(null, dated.map(function (e) { return e.months[1]; })) : 0;
  var state = {from: lo, to: hi, undated: true, status: {}, type: {}};
  var types = [];
  DATA.edges.forEach(function (e) { if (types.indexOf(e.type) < 0) types.push(e.type); });
  types.sort();
  STATUSES.forEach(function (s) { state.status[s] = true; });
  types.forEach(function (t) { state.type[t] = true; });

  function visible(e) {
    if (!state.status[e.status] || !state.type[e.type]) return false;
    if (!e.months) return state.undated;
    return e.months[1] >= state.from && e.months[0] <= state.to;
  }
  var edgeData = {};
  DATA.edges.forEach(function (e) { edgeData[e.id] = e; });

  function apply() {
    var shownContacts = {}, shownNodes = 0;
    cy.batch(function () {
      cy.edges().forEach(function (ce) {
        var e = edgeData[ce.id()], on = visible(e);
        ce.toggleClass("hidden", !on);
        if (on) shownContacts[e.cid] = true;
      });
      cy.nodes().forEach(function (n) {
        var all = n.connectedEdges();
        var on = all.length === 0 || all.some(function (ce) { return !ce.hasClass("hidden"); });
        n.toggleClass("hidden", !on);
        if (on) shownNodes++;
      });
    });
    var total = {};
    DATA.edges.forEach(function (e) { total[e.cid] = true; });
    var stats = document.getElementById("stats");
    stats.textContent = Object.keys(shownContacts).length + " of " + Object.keys(total).length +
      " contacts, " + shownNodes + " of " + DATA.nodes.length + " people and places shown";
    document.getElementById("date-from-label").textContent = dated.length ? monthLabel(state.from) : "–";
    document.getElementById("date-to-label").textContent = dated.length ? monthLabel(state.to) : "–";
  }

  function checkbox(container, label, checked, sample, count, onChange) {
    var input = el("input", {type: "checkbox"});
    input.checked = checked;
    input.addEventListener("change", function () { onChange(input.checked); apply(); });
    container.appendChild(el("label", {class: "check"}, input, sample, label, el("span", {class: "n", text: String(count)})));
    return input;
  }
  function buildFilters() {
    var counts = {status: {}, type: {}};
    DATA.edges.forEach(function (e) {
      counts.status[e.status] = (counts.status[e.status] || 0) + 1;
      counts.type[e.type] = (counts.type[e.type] || 0) + 1;
    });
    var sf = document.getElementById("status-filters");
    STATUSES.forEach(function (s) {
      var st = DATA.statusStyles[s];
      var sample = el("span", {class: "line", style: "border-top-style:" + st.line +
        ";border-top-color:" + (st.color || "#444")});
      checkbox(sf, STATUS_WORDS[s], true, sample, counts.status[s] || 0, function (on) { state.status[s] = on; })
        .setAttribute("data-status", s);
    });
    var tf = document.getElementById("type-filters");
    types.forEach(function (t) {
      var sample = el("span", {class: "swatch", style: "background:" + (DATA.typeColors[t] || "#868e96")});
      checkbox(tf, typeWord(t), true, sample, counts.type[t] || 0, function (on) { state.type[t] = on; })
        .setAttribute("data-type", t);
    });
    var from = document.getElementById("date-from"), to = document.getElementById("date-to");
    [from, to].forEach(function (r) { r.min = lo; r.max = hi; r.disabled = !dated.length || lo === hi; });
    from.value = lo; to.value = hi;
    from.addEventListener("input", function () {
      state.from = +from.value;
      if (state.from > state.to) { state.to = state.from; to.value = state.to; }
      apply();
    });
    to.addEventListener("input", function () {
      state.to = +to.value;
      if (state.to < state.from) { state.from = state.to; from.value = state.from; }
      apply();
    });
    var und = document.getElementById("undated");
    und.addEventListener("change", function () { state.undated = und.checked; apply(); });
    var legend = document.getElementById("country-legend");
    DATA.countries.forEach(function (c) {
      legend.appendChild(el("span", {class: "c", title: c.name}, el("span", {class: "swatch", style: "background:" + c.color}), c.name));
    });
    if (DATA.countries.length >= 20) {
      legend.appendChild(el("span", {class: "c"}, el("span", {class: "swatch", style: "background:" + DATA.otherColor}), "other"));
    }
    document.getElementById("fit").addEventListener("click", function () { fit(cy.elements(":visible")); });
    document.getElementById("reset").addEventListener("click", function () {
      document.querySelectorAll("#status-filters input, #type-filters input").forEach(function (i) { i.checked = true; });
      STATUSES.forEach(function (s) { state.status[s] = true; });
      types.forEach(function (t) { state.type[t] = true; });
      state.from = lo; state.to = hi; from.value = lo; to.value = hi;
      state.undated = und.checked = true;
      apply();
    });
  }

  // ---------------------------------------------------------------- details panel
  var panel = document.getElementById("panel");
  function personLink(id) {
    var n = nodeById[id];
    if (!n) return document.createTextNode("?");
    var a = el("a", {class: "person", text: n.label});
    a.addEventListener("click", function () { select(id); });
    return a;
  }
  function dateText(e) {
    if (!e.date) return "no date";
    return e.start && e.end && e.start !== e.date && (e.start !== e.end || e.start !== e.date) ?
      e.date + " (" + (e.start === e.end ? e.start : e.start + " – " + e.end) + ")" : e.date;
  }
  function contactCard(e, full, onClick) {
    var head = el("div", null, el("span", {class: "when", text: dateText(e)}), " ", typeWord(e.type),
      el("span", {class: "badge " + e.status, text: e.status}),
      e.conflict ? el("span", {class: "badge conflict", text: "contradicted", title: "another report contradicts this one"}) : null);
    var card = el("div", {class: "contact" + (visible(e) ? "" : " hidden-by-filter") + (onClick ? " clickable" : ""),
      style: "border-left-color:" + edgeColor(e), "data-cid": e.cid}, head);
    var others = e.participants.length ? e.participants : [e.s, e.t];
    var withWhom = el("div", null, "with ");
    others.forEach(function (p, i) { if (i) withWhom.appendChild(document.createTextNode(", ")); withWhom.appendChild(personLink(p)); });
    card.appendChild(withWhom);
    if (e.attributions.length) card.appendChild(el("div", {class: "muted", text: "according to " + e.attributions.join("; ")}));
    if (!visible(e)) card.appendChild(el("div", {class: "muted", text: "(hidden by the filters)"}));
    if (onClick) card.addEventListener("click", function (ev) { if (ev.target.tagName !== "A") onClick(); });
    if (!full) return card;
    var dl = el("dl");
    function row(k, v) { if (v) dl.appendChild(el("dt", {text: k})); if (v) dl.appendChild(el("dd", null, v)); }
    if (e.types.length > 1) row("reported as", e.types.map(typeWord).join(", "));
    if (e.host) row("host", personLink(e.host));
    if (e.initiator) row("initiated by", personLink(e.initiator));
    row("reports", String(e.mentions));
    row("sources", e.sources.map(function (s) { return s.doc + (s.published ? " (" + s.published + ")" : ""); }).join("; "));
    card.appendChild(dl);
    e.evidence.forEach(function (ev) {
      card.appendChild(el("blockquote", {title: ev.doc || ""}, ev.text));
    });
    return card;
  }
  function uniqueContacts(edges) {
    var seen = {}, out = [];
    edges.forEach(function (e) { if (!seen[e.cid]) { seen[e.cid] = true; out.push(e); } });
    return out.sort(chrono);
  }
  function showPerson(id) {
    var n = nodeById[id];
    panel.className = "";
    panel.innerHTML = "";
    panel.appendChild(el("h2", {text: n.label}));
    var dl = el("dl");
    function row(k, v) { if (v) { dl.appendChild(el("dt", {text: k})); dl.appendChild(el("dd", {text: v})); } }
    row("country", n.countryName ? n.countryName + " (" + n.country + ")" : n.country);
    row("role", n.role);
    row("also called", n.aliases.slice(0, 12).join(", "));
    row("id", n.key);
    row("in articles", n.sources ? String(n.sources) : "");
    panel.appendChild(dl);
    var mine = uniqueContacts(cy.getElementById(id).connectedEdges().map(function (ce) { return edgeData[ce.id()]; }));
    panel.appendChild(el("h3", {text: "Contacts (" + mine.length + "), in date order"}));
    mine.forEach(function (e) {
      var copy = Object.assign({}, e, {participants: (e.participants.length ? e.participants : [e.s, e.t]).filter(function (p) { return p !== id; })});
      panel.appendChild(contactCard(copy, false, function () { showPair(e.s, e.t, e.cid); }));
    });
  }
  function showPair(a, b, focus) {
    var between = cy.getElementById(a).edgesWith(cy.getElementById(b)).map(function (ce) { return edgeData[ce.id()]; });
    var list = uniqueContacts(between);
    panel.className = "";
    panel.innerHTML = "";
    var h = el("h2", null, personLink(a), " – ", personLink(b));
    panel.appendChild(h);
    panel.appendChild(el("p", {class: "muted", text: list.length + " contact" + (list.length === 1 ? "" : "s") + " between them"}));
    list.forEach(function (e) {
      var card = contactCard(e, true, null);
      panel.appendChild(card);
      if (e.cid === focus) card.scrollIntoView({block: "nearest"});
    });
  }
  function highlight(eles) {
    cy.batch(function () {
      cy.elements().addClass("faded");
      eles.removeClass("faded");
    });
  }
  function clearHighlight() { cy.elements().removeClass("faded"); }
  function select(id) {
    var node = cy.getElementById(id);
    cy.elements().unselect();
    node.select();
    var near = node.closedNeighborhood();
    highlight(near);
    var shown = near.nodes().filter(function (n) { return !n.hasClass("hidden"); });
    if (!node.hasClass("hidden")) { if (shown.length <= 60) fit(shown); else cy.center(node); }
    showPerson(id);
  }
  cy.on("tap", "node", function (evt) { select(evt.target.id()); });
  cy.on("tap", "edge", function (evt) {
    var e = evt.target;
    highlight(e.source().edgesWith(e.target()).union(e.connectedNodes()));
    showPair(e.source().id(), e.target().id(), edgeData[e.id()].cid);
  });
  cy.on("tap", function (evt) { if (evt.target === cy) clearHighlight(); });

  // ---------------------------------------------------------------- search
  var search = document.getElementById("search"), results = document.getElementById("results");
  function matches(q) {
    var k = fold(q);
    if (!k) return [];
    var scored = [];
    DATA.nodes.forEach(function (n) {
      var best = 9;
      n.keys.forEach(function (key) {
        if (key === k) best = Math.min(best, 0);
        else if (key.indexOf(k) === 0 || key.indexOf(" " + k) >= 0) best = Math.min(best, 1);
        else if (key.indexOf(k) >= 0) best = Math.min(best, 2);
      });
      if (best < 9) scored.push([best, -n.contacts, n.label, n]);
    });
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : 1); });
    return scored.slice(0, 12).map(function (s) { return s[3]; });
  }
  function showResults() {
    results.innerHTML = "";
    cy.nodes().removeClass("found");
    var found = matches(search.value);
    found.forEach(function (n, i) {
      var li = el("li", {class: i === 0 ? "active" : "", "data-id": n.id}, n.label,
        el("span", {class: "muted", text: (n.country ? " " + n.country : "") + " · " + n.contacts}));
      li.addEventListener("click", function () { select(n.id); });
      results.appendChild(li);
      cy.getElementById(n.id).addClass("found");
    });
    if (search.value && !found.length) results.appendChild(el("li", {class: "muted", text: "no one of that name"}));
    return found;
  }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var f = showResults(); if (f.length) select(f[0].id); }
    if (ev.key === "Escape") { search.value = ""; showResults(); }
  });

  // ---------------------------------------------------------------- start
  document.getElementById("title").textContent = DATA.title;
  buildFilters();
  apply();
  window.diplograph = {cy: cy, data: DATA, state: state, apply: apply, select: select, showPair: showPair, matches: matches};
  document.body.setAttribute("data-ready", "1");
})();
