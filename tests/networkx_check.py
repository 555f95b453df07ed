#!/usr/bin/env python3
"""Reads newsgraph's GraphML, GEXF and D3 exports with networkx and prints what it read, as
one JSON object on stdout, for tests/export.rs to compare with graph.json:

    {"graphml": {"nodes": N, "edges": E, "multigraph": bool, "node_attributes": {id: {...}},
                 "edge_attributes": {edge id: {...}}, "graph_attributes": {...}},
     "gexf": {...}, "d3": {...}}

Usage: python3 tests/networkx_check.py GRAPHML GEXF D3_JSON
Exit status 2 when networkx is missing (`pip install networkx`).
"""
import json
import sys

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed: pip install networkx", file=sys.stderr)
    sys.exit(2)


def summary(graph):
    edges = {}
    for source, target, key, data in graph.edges(keys=True, data=True):
        edges[str(data.get("id", key))] = dict(data, source=source, target=target)
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "multigraph": graph.is_multigraph(),
        "node_attributes": {str(n): data for n, data in graph.nodes(data=True)},
        "edge_attributes": edges,
        "graph_attributes": dict(graph.graph),
    }


def as_multigraph(graph):
    return graph if graph.is_multigraph() else nx.MultiGraph(graph)


def main():
    graphml, gexf, d3 = sys.argv[1:4]
    with open(d3, encoding="utf-8") as f:
        data = json.load(f)
    try:
        d3_graph = nx.node_link_graph(data, edges="links")
    except TypeError:  # networkx before 3.4 has no `edges` and reads "links" anyway
        d3_graph = nx.node_link_graph(data)
    result = {
        "graphml": summary(as_multigraph(nx.read_graphml(graphml))),
        "gexf": summary(as_multigraph(nx.read_gexf(gexf, version="1.3"))),
        "d3": summary(as_multigraph(d3_graph)),
    }
    json.dump(result, sys.stdout, default=str, sort_keys=True)


if __name__ == "__main__":
    main()
