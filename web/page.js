// newsgraph's HTML page: draws the graph embedded in #graph-data with d3 (force layout,
// drag, zoom; a large graph on a canvas, at positions computed by newsgraph),
// filters it, searches it and shows the events behind a node or a line.
// All text from articles reaches the page through textContent (d3's .text()), never as
// markup.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = data.nodes.map(function (n) { return Object.assign({}, n); });
  var byId = new Map(nodes.map(function (n) { return [n.id, n]; }));
  var links = data.links.map(function (l) { return Object.assign({}, l); });
  links.forEach(function (l) {
    l.sourceNode = byId.get(l.source);
    l.targetNode = byId.get(l.target);
  });

  var $ = function (id) { return document.getElementById(id); };
  var svg = d3.select("#graph");
  var width = $("canvas").clientWidth || 900;
  var height = $("canvas").clientHeight || 700;

  if (data.note) {
    $("note").textContent = "This page " + data.note + ".";
    $("note").hidden = false;
  }
  $("summary").textContent = nodes.length + " entities, " +
    links.filter(function (l) { return l.contact; }).reduce(function (n, l) { return n + l.events.length; }, 0) +
    " contacts, " + links.filter(function (l) { return !l.contact; }).length + " affiliations";

  // Folded for search: lower case, no diacritics.
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  nodes.forEach(function (n) {
    n.searchKeys = [n.label].concat(n.aliases || []).map(fold);
  });

  function linkWidth(l) {
    return l.contact ? Math.min(2 + 2 * Math.log2(l.events.length), 8) : 1;
  }
  function linkClass(l) {
    return "link " + (l.contact ? "contact " + l.kind + " " + (l.status || "happened") : "affiliation " + l.kind);
  }
  function linkLabel(l) {
    if (!l.contact) { return ""; }
    var n = l.events.length;
    var dates = [];
    l.events.forEach(function (e) { if (e.date && dates.indexOf(e.date) < 0) { dates.push(e.date); } });
    var label = n === 1 ? l.kind : n + " " + l.kind + "s";
    if (dates.length) { label += (n === 1 ? ", " : ": ") + dates.join(", "); }
    if (l.status && l.status !== "happened") { label += " (" + l.status + ")"; }
    return label.length > 48 ? label.slice(0, 47) + "…" : label;
  }

  // Small graphs: SVG nodes and lines, a settled force layout that moves again when a node
  // is dragged, every line labelled.
  function svgRenderer() {
    // Shapes by kind, as in the DOT picture: people ellipses, institutions boxes, countries
    // hexagons.
    function shape(kind) {
      if (kind === "institution") { return "M-16,-10H16V10H-16Z"; }
      if (kind === "country") { return "M-18,0L-9,-13H9L18,0L9,13H-9Z"; }
      return "M-16,0A16,11 0 1,0 16,0A16,11 0 1,0 -16,0Z";
    }

    var zoomLayer = svg.append("g");
    var linkLayer = zoomLayer.append("g").attr("class", "links");
    var labelLayer = zoomLayer.append("g").attr("class", "link-labels");
    var nodeLayer = zoomLayer.append("g").attr("class", "nodes");

    var linkGroups = linkLayer.selectAll("g").data(links).join("g")
      .attr("data-id", function (l) { return l.id; });
    var lines = linkGroups.append("line")
      .attr("class", linkClass)
      .attr("stroke-width", linkWidth);
    // A wide transparent line over each link makes thin lines easy to click.
    var hits = linkGroups.append("line").attr("class", "hit");
    linkGroups.append("title").text(function (l) {
      return (l.contact ? linkLabel(l) : l.kind) + "\n" + l.events.map(function (e) { return e.evidence; }).join("\n");
    });
    var labels = labelLayer.selectAll("text").data(links.filter(function (l) { return l.contact; })).join("text")
      .attr("class", function (l) { return "link-label " + (l.status || ""); })
      .attr("text-anchor", "middle")
      .text(linkLabel);

    var nodeGroups = nodeLayer.selectAll("g").data(nodes).join("g")
      .attr("class", function (n) { return "node " + n.kind; })
      .attr("data-id", function (n) { return n.id; });
    nodeGroups.append("path").attr("d", function (n) { return shape(n.kind); });
    nodeGroups.append("text")
      .attr("text-anchor", "middle")
      .attr("dy", function (n) { return n.kind === "country" ? 26 : 24; })
      .text(function (n) { return n.label; });
    nodeGroups.append("title").text(function (n) {
      return n.label + " (" + n.kind + ")" + (n.titles ? "\n" + n.titles.join("; ") : "");
    });

    var simulation = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links.map(function (l) { return { source: l.source, target: l.target, contact: l.contact }; }))
        .id(function (n) { return n.id; })
        .distance(function (l) { return l.contact ? 150 : 100; })
        .strength(function (l) { return l.contact ? 0.5 : 0.12; }))
      .force("charge", d3.forceManyBody().strength(-420).distanceMax(600))
      // Room for the label under each node.
      .force("collide", d3.forceCollide(function (n) { return Math.max(30, n.label.length * 3.4); }).iterations(2))
      .force("x", d3.forceX(0).strength(0.06))
      .force("y", d3.forceY(0).strength(0.09))
      .stop();
    // Settle the layout before the first paint, so the page opens calm and the same each time.
    var ticks = Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay()));
    for (var i = 0; i < ticks; i++) { simulation.tick(); }
    simulation.on("tick", draw);

    function draw() {
      lines.attr("x1", function (l) { return l.sourceNode.x; }).attr("y1", function (l) { return l.sourceNode.y; })
        .attr("x2", function (l) { return l.targetNode.x; }).attr("y2", function (l) { return l.targetNode.y; });
      hits.attr("x1", function (l) { return l.sourceNode.x; }).attr("y1", function (l) { return l.sourceNode.y; })
        .attr("x2", function (l) { return l.targetNode.x; }).attr("y2", function (l) { return l.targetNode.y; });
      labels.attr("x", function (l) { return (l.sourceNode.x + l.targetNode.x) / 2; })
        .attr("y", function (l) { return (l.sourceNode.y + l.targetNode.y) / 2 - 3; });
      nodeGroups.attr("transform", function (n) { return "translate(" + n.x + "," + n.y + ")"; });
    }
    draw();

    var zoom = d3.zoom().scaleExtent([0.1, 8]).on("zoom", function (event) {
      zoomLayer.attr("transform", event.transform);
    });
    svg.call(zoom);
    function fit() {
      var shown = nodes.filter(function (n) { return n.visible !== false; });
      if (!shown.length) { return; }
      var x0 = d3.min(shown, function (n) { return n.x; }) - 60, x1 = d3.max(shown, function (n) { return n.x; }) + 60;
      var y0 = d3.min(shown, function (n) { return n.y; }) - 40, y1 = d3.max(shown, function (n) { return n.y; }) + 40;
      var scale = Math.min(2, 0.95 * Math.min(width / (x1 - x0), height / (y1 - y0)));
      svg.call(zoom.transform, d3.zoomIdentity.translate(width / 2, height / 2).scale(scale)
        .translate(-(x0 + x1) / 2, -(y0 + y1) / 2));
    }

    nodeGroups.call(d3.drag()
      .on("start", function (event, n) {
        if (!event.active) { simulation.alphaTarget(0.2).restart(); }
        n.fx = n.x; n.fy = n.y;
      })
      .on("drag", function (event, n) { n.fx = event.x; n.fy = event.y; })
      .on("end", function (event, n) {
        if (!event.active) { simulation.alphaTarget(0); }
        n.fx = null; n.fy = null;
      }));

    return {
      refresh: function () {
        nodeGroups.classed("hidden", function (n) { return !n.visible; }).classed("match", function (n) { return n.match; });
        linkGroups.classed("hidden", function (l) { return !l.visible; });
        labels.classed("hidden", function (l) { return !l.visible; });
      },
      select: function (n, l) {
        nodeGroups.classed("selected", function (d) { return d === n; });
        lines.classed("selected", function (d) { return d === l; });
      },
      fit: fit,
      bind: function (onNode, onLink) {
        nodeGroups.on("click", function (event, n) { event.stopPropagation(); onNode(n); });
        linkGroups.on("click", function (event, l) { event.stopPropagation(); onLink(l); });
      }
    };
  }

  // Large graphs: one <canvas>, the layout computed once before the first paint (no
  // animation), pan and zoom redraw only. Names are written for the most connected entities,
  // for matches and the selection, and for every entity once zoomed in.
  function canvasRenderer() {
    var main = $("canvas");
    svg.style("display", "none");
    var canvas = document.createElement("canvas");
    canvas.id = "graph-canvas";
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", "graph of who talked to whom");
    main.appendChild(canvas);
    var ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = width + "px";
    canvas.style.height = height + "px";
    var ctx = canvas.getContext("2d");

    nodes.forEach(function (n) { n.degree = 0; });
    links.forEach(function (l) {
      var k = l.contact ? l.events.length : 0;
      l.sourceNode.degree += k;
      l.targetNode.degree += k;
    });
    nodes.forEach(function (n) { n.r = 4 + Math.min(8, Math.log2(1 + n.degree) * 1.2); });
    // Labels drawn at any zoom: the 80 most connected (ties by id).
    var ranked = nodes.slice().sort(function (a, b) { return b.degree - a.degree || (a.id < b.id ? -1 : 1); });
    ranked.slice(0, 80).forEach(function (n) { n.important = true; });

    // Positions come with the data (x, y); a node without one goes to the middle.
    nodes.forEach(function (n) { n.x = n.x || 0; n.y = n.y || 0; });

    var transform = d3.zoomIdentity;
    var selectedNode = null, selectedLink = null;
    var pending = false;
    function request() {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () { pending = false; paint(); });
    }
    var styles = {
      affiliation: { color: "#bbb", dash: [2, 3] },
      call: { color: "#222", dash: [7, 4] },
      meeting: { color: "#222", dash: [] },
      planned: { color: "#999", dash: [2, 4] },
      denied: { color: "#c0392b", dash: [] }
    };
    function styleOf(l) {
      if (!l.contact) { return "affiliation"; }
      if (l.status === "planned" || l.status === "denied") { return l.status; }
      return l.kind === "call" ? "call" : "meeting";
    }
    links.forEach(function (l) { l.style = styleOf(l); l.width = l.contact ? Math.min(1 + Math.log2(l.events.length), 5) : 0.7; });
    var fills = { person: "#cfe2f3", institution: "#fce5b0", country: "#d9ead3" };
    function shapePath(n) {
      var r = n.r;
      if (n.kind === "institution") { ctx.rect(n.x - r, n.y - r * 0.7, 2 * r, 1.4 * r); return; }
      if (n.kind === "country") {
        ctx.moveTo(n.x - r, n.y); ctx.lineTo(n.x - r / 2, n.y - r * 0.87); ctx.lineTo(n.x + r / 2, n.y - r * 0.87);
        ctx.lineTo(n.x + r, n.y); ctx.lineTo(n.x + r / 2, n.y + r * 0.87); ctx.lineTo(n.x - r / 2, n.y + r * 0.87);
        ctx.closePath();
        return;
      }
      ctx.moveTo(n.x + r, n.y);
      ctx.arc(n.x, n.y, r, 0, 2 * Math.PI);
    }
    function paint() {
      var k = transform.k;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, width, height);
      ctx.setTransform(ratio * k, 0, 0, ratio * k, ratio * transform.x, ratio * transform.y);
      // Lines, one path per style and width.
      var buckets = new Map();
      links.forEach(function (l) {
        if (!l.visible || l === selectedLink) { return; }
        var key = l.style + "|" + l.width;
        if (!buckets.has(key)) { buckets.set(key, []); }
        buckets.get(key).push(l);
      });
      buckets.forEach(function (group, key) {
        var style = styles[group[0].style];
        ctx.beginPath();
        group.forEach(function (l) { ctx.moveTo(l.sourceNode.x, l.sourceNode.y); ctx.lineTo(l.targetNode.x, l.targetNode.y); });
        ctx.strokeStyle = style.color;
        ctx.setLineDash(style.dash.map(function (d) { return d / Math.max(k, 0.5); }));
        ctx.lineWidth = group[0].width / Math.max(k, 0.5);
        ctx.stroke();
      });
      ctx.setLineDash([]);
      if (selectedLink && selectedLink.visible) {
        ctx.beginPath();
        ctx.moveTo(selectedLink.sourceNode.x, selectedLink.sourceNode.y);
        ctx.lineTo(selectedLink.targetNode.x, selectedLink.targetNode.y);
        ctx.strokeStyle = "#1f5fa8";
        ctx.lineWidth = 4 / k;
        ctx.stroke();
      }
      // Nodes, one path per kind.
      var drawn = 0;
      ["country", "institution", "person"].forEach(function (kind) {
        ctx.beginPath();
        nodes.forEach(function (n) {
          if (n.visible && n.kind === kind) { shapePath(n); drawn++; }
        });
        ctx.fillStyle = fills[kind];
        ctx.fill();
        ctx.strokeStyle = "#666";
        ctx.lineWidth = 1 / k;
        ctx.stroke();
      });
      nodes.forEach(function (n) {
        if (!n.visible || !(n.match || n === selectedNode)) { return; }
        ctx.beginPath();
        shapePath(n);
        ctx.strokeStyle = n === selectedNode ? "#000" : "#c0392b";
        ctx.lineWidth = 3 / k;
        ctx.stroke();
      });
      // Names: only those that are readable at this zoom.
      ctx.font = 11 / k + "px Helvetica, Arial, sans-serif";
      ctx.textAlign = "center";
      ctx.lineJoin = "round";
      var x0 = transform.invertX(0), x1 = transform.invertX(width), y0 = transform.invertY(0), y1 = transform.invertY(height);
      nodes.forEach(function (n) {
        if (!n.visible || n.x < x0 || n.x > x1 || n.y < y0 || n.y > y1) { return; }
        if (!(n.important || n.match || n === selectedNode || k >= 1.6)) { return; }
        var y = n.y + n.r + 11 / k;
        ctx.lineWidth = 3 / k;
        ctx.strokeStyle = "#fff";
        ctx.strokeText(n.label, n.x, y);
        ctx.fillStyle = "#222";
        ctx.fillText(n.label, n.x, y);
      });
      document.body.setAttribute("data-drawn", String(drawn));
    }

    var zoom = d3.zoom().scaleExtent([0.02, 12]).on("zoom", function (event) {
      transform = event.transform;
      request();
    });
    var selection = d3.select(canvas).call(zoom);
    function fit() {
      var shown = nodes.filter(function (n) { return n.visible !== false; });
      if (!shown.length) { return; }
      var xa = d3.min(shown, function (n) { return n.x; }) - 40, xb = d3.max(shown, function (n) { return n.x; }) + 40;
      var ya = d3.min(shown, function (n) { return n.y; }) - 30, yb = d3.max(shown, function (n) { return n.y; }) + 30;
      var scale = Math.min(2, 0.95 * Math.min(width / (xb - xa), height / (yb - ya)));
      selection.call(zoom.transform, d3.zoomIdentity.translate(width / 2, height / 2).scale(scale)
        .translate(-(xa + xb) / 2, -(ya + yb) / 2));
    }
    // What is under the pointer: the nearest shown node within its shape, else the nearest
    // shown line within a few pixels.
    function hit(px, py) {
      var x = transform.invertX(px), y = transform.invertY(py), k = transform.k;
      var best = null, bestD = Infinity;
      nodes.forEach(function (n) {
        if (!n.visible) { return; }
        var d = Math.hypot(n.x - x, n.y - y);
        if (d <= n.r + 3 / k && d < bestD) { best = n; bestD = d; }
      });
      if (best) { return { node: best }; }
      var line = null, lineD = 6 / k;
      links.forEach(function (l) {
        if (!l.visible) { return; }
        var ax = l.sourceNode.x, ay = l.sourceNode.y, bx = l.targetNode.x, by = l.targetNode.y;
        var dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy;
        var t = len ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len)) : 0;
        var d = Math.hypot(ax + t * dx - x, ay + t * dy - y);
        if (d < lineD) { line = l; lineD = d; }
      });
      return line ? { link: line } : {};
    }
    // For tests and tools: where a node is on screen, in page coordinates.
    window.newsgraphNodePosition = function (id) {
      var n = byId.get(id);
      if (!n) { return null; }
      var box = canvas.getBoundingClientRect();
      return [box.left + transform.applyX(n.x), box.top + transform.applyY(n.y)];
    };
    return {
      refresh: request,
      select: function (n, l) { selectedNode = n; selectedLink = l; request(); },
      fit: fit,
      bind: function (onNode, onLink) {
        canvas.addEventListener("click", function (event) {
          var box = canvas.getBoundingClientRect();
          var found = hit(event.clientX - box.left, event.clientY - box.top);
          if (found.node) { onNode(found.node); } else if (found.link) { onLink(found.link); }
        });
        canvas.addEventListener("mousemove", function (event) {
          var box = canvas.getBoundingClientRect();
          var found = hit(event.clientX - box.left, event.clientY - box.top);
          canvas.style.cursor = found.node || found.link ? "pointer" : "grab";
          canvas.title = found.node ? found.node.label + " (" + found.node.kind + ")" : found.link ? (found.link.contact ? linkLabel(found.link) : found.link.kind) : "";
        });
      }
    };
  }

  // A large graph comes laid out (src/export/layout.rs) and is drawn on a canvas.
  var renderer = data.large ? canvasRenderer() : svgRenderer();

  // Filters and search decide what is shown.
  function checked(name) {
    return Array.prototype.filter.call(document.querySelectorAll("input[name=" + name + "]"), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
  }
  function eventInDates(e, from, to, undated) {
    if (!e.iso_date) { return undated; }
    return (!from || e.iso_date.slice(0, from.length) >= from.slice(0, e.iso_date.length)) &&
      (!to || e.iso_date.slice(0, to.length) <= to.slice(0, e.iso_date.length));
  }
  function update() {
    var kinds = checked("kind"), linkKinds = checked("link"), statuses = checked("status");
    var from = $("date-from").value, to = $("date-to").value, undated = $("undated").checked;
    var query = fold($("search").value);
    links.forEach(function (l) {
      var kindOk = l.contact ? linkKinds.indexOf(l.kind) >= 0 && statuses.indexOf(l.status || "happened") >= 0
        : linkKinds.indexOf("affiliation") >= 0;
      var dated = !l.contact || l.events.some(function (e) { return eventInDates(e, from, to, undated); });
      l.visible = kindOk && dated && kinds.indexOf(l.sourceNode.kind) >= 0 && kinds.indexOf(l.targetNode.kind) >= 0;
    });
    var matches = 0;
    nodes.forEach(function (n) {
      n.match = query !== "" && n.searchKeys.some(function (k) { return k.indexOf(query) >= 0; });
      if (n.match) { matches++; }
    });
    nodes.forEach(function (n) { n.visible = kinds.indexOf(n.kind) >= 0 && (query === "" || n.match); });
    if (query !== "") {
      // A match is shown with the entities it is linked to.
      links.forEach(function (l) {
        if (!l.visible) { return; }
        if (l.sourceNode.match) { l.targetNode.visible = true; }
        if (l.targetNode.match) { l.sourceNode.visible = true; }
      });
    }
    links.forEach(function (l) { l.visible = l.visible && l.sourceNode.visible && l.targetNode.visible; });
    renderer.refresh();
    var shownNodes = nodes.filter(function (n) { return n.visible; }).length;
    var shownLinks = links.filter(function (l) { return l.visible; }).length;
    $("count").textContent = (query !== "" ? matches + " match" + (matches === 1 ? "" : "es") + " “" + $("search").value.trim() + "”; " : "") +
      "showing " + shownNodes + " of " + nodes.length + " entities and " + shownLinks + " of " + links.length + " lines";
  }

  document.querySelectorAll("#panel input").forEach(function (input) {
    input.addEventListener("input", update);
    input.addEventListener("change", update);
  });
  $("reset").addEventListener("click", function () {
    document.querySelectorAll("#panel input[type=checkbox]").forEach(function (i) { i.checked = true; });
    $("search").value = ""; $("date-from").value = ""; $("date-to").value = "";
    update();
    renderer.fit();
  });
  // A search zooms to what it found.
  $("search").addEventListener("input", function () { renderer.fit(); });
  $("search").addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = nodes.find(function (n) { return n.match; });
      if (first) { select(first, null); }
    }
  });

  // Details of a node or a line: built with textContent only.
  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (className) { e.className = className; }
    return e;
  }
  function nodeButton(n) {
    var b = el("button", n ? n.label : "?", "link");
    b.type = "button";
    b.addEventListener("click", function () { if (n) { select(n, null); } });
    return b;
  }
  function eventItem(l, e, from) {
    var li = el("li");
    var head = el("div");
    var other = from ? (l.sourceNode === from ? l.targetNode : l.sourceNode) : null;
    head.appendChild(el("strong", (e.date || "undated") + " · " + e.kind + (l.contact ? " · " + (e.status || "happened") : "")));
    if (other) { head.appendChild(document.createTextNode(" with ")); head.appendChild(nodeButton(other)); }
    else { head.appendChild(document.createTextNode(" ")); head.appendChild(nodeButton(l.sourceNode)); head.appendChild(document.createTextNode(" – ")); head.appendChild(nodeButton(l.targetNode)); }
    li.appendChild(head);
    if (e.initiator && byId.get(e.initiator)) { li.appendChild(el("div", "asked for by " + byId.get(e.initiator).label, "muted")); }
    li.appendChild(el("blockquote", e.evidence));
    (e.articles || []).forEach(function (a) { li.appendChild(el("div", a, "article")); });
    return li;
  }
  function select(n, l) {
    var box = $("details");
    box.replaceChildren();
    renderer.select(n, l);
    if (n) {
      box.appendChild(el("h2", n.label));
      box.appendChild(el("div", n.kind + (n.country && byId.get(n.country) ? " · " + byId.get(n.country).label : "") +
        " · " + n.mentions + " mention" + (n.mentions === 1 ? "" : "s"), "muted"));
      if (n.titles) { box.appendChild(el("div", "titles: " + n.titles.join("; "))); }
      var aliases = (n.aliases || []).filter(function (a) { return a !== n.label; });
      if (aliases.length) { box.appendChild(el("div", "also: " + aliases.join(", "))); }
      var mine = links.filter(function (x) { return x.sourceNode === n || x.targetNode === n; });
      var contacts = mine.filter(function (x) { return x.contact; });
      box.appendChild(el("h3", contacts.reduce(function (k, x) { return k + x.events.length; }, 0) + " contacts"));
      var ul = el("ul");
      contacts.forEach(function (x) { x.events.forEach(function (e) { ul.appendChild(eventItem(x, e, n)); }); });
      box.appendChild(ul);
      var affiliations = mine.filter(function (x) { return !x.contact; });
      if (affiliations.length) {
        box.appendChild(el("h3", "Affiliations"));
        var ua = el("ul");
        affiliations.forEach(function (x) { x.events.forEach(function (e) { ua.appendChild(eventItem(x, e, n)); }); });
        box.appendChild(ua);
      }
      box.appendChild(el("h3", "Articles"));
      var ar = el("ul");
      (n.articles || []).forEach(function (a) { ar.appendChild(el("li", a, "article")); });
      box.appendChild(ar);
    } else if (l) {
      box.appendChild(el("h2", l.contact ? linkLabel(l) : l.kind));
      var ul2 = el("ul");
      l.events.forEach(function (e) { ul2.appendChild(eventItem(l, e, null)); });
      box.appendChild(ul2);
    }
  }
  renderer.bind(function (n) { select(n, null); }, function (l) { select(null, l); });

  update();
  renderer.fit();
  document.body.setAttribute("data-ready", "true");
})();
