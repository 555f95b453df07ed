//! A force-directed layout computed before drawing, for pages of thousands of entities.
//!
//! In: the number of nodes and the lines between them (node positions in a list, a weight per
//! line). Out: a position per node. Fruchterman and Reingold's spring embedder with their grid
//! variant: nodes repel only nodes in the neighbouring cells of a grid, so an iteration costs
//! time in proportion to the nodes, not their square; lines are springs (weaker at hubs, as in
//! d3-force, so a hub does not pull its neighbours into one spot); a weak
//! pull to the centre keeps the pieces of a disconnected graph near each other. d3-force in the
//! browser needs 50 to 100 ms a step for 5,000 nodes (15 s to settle); this takes about a
//! second in all (BENCHMARKS.md), and gives the same positions for the same graph.

/// The distance two linked nodes settle at, in page units.
const IDEAL: f64 = 30.0;
/// Nodes farther apart than this do not repel each other (the grid's cell size).
const REACH: f64 = 3.0 * IDEAL;
const ITERATIONS: usize = 150;
const GRAVITY: f64 = 0.02;

/// Positions for `n` nodes joined by `lines` (pairs of node positions and a weight: how
/// strongly the line pulls), deterministic for the same input.
pub fn layout(n: usize, lines: &[(u32, u32, f64)]) -> Vec<(f64, f64)> {
    // Start on a sunflower spiral, the most connected first (in the middle).
    let mut degree = vec![0.0; n];
    let mut count = vec![0.0f64; n];
    for &(a, b, w) in lines {
        degree[a as usize] += w;
        degree[b as usize] += w;
        count[a as usize] += 1.0;
        count[b as usize] += 1.0;
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&x, &y| degree[y].total_cmp(&degree[x]).then(x.cmp(&y)));
    let mut pos = vec![(0.0, 0.0); n];
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    for (rank, &i) in order.iter().enumerate() {
        let radius = IDEAL * 0.8 * (rank as f64 + 0.5).sqrt();
        let angle = rank as f64 * golden;
        pos[i] = (radius * angle.cos(), radius * angle.sin());
    }
    if n < 2 {
        return pos;
    }
    let mut shift = vec![(0.0, 0.0); n];
    let mut cells: std::collections::HashMap<(i64, i64), Vec<usize>> =
        std::collections::HashMap::new();
    let start = IDEAL * (n as f64).sqrt() / 4.0;
    for step in 0..ITERATIONS {
        // The most a node moves in this step: from a tenth of the drawing down to a little.
        let heat = start * (1.0 - step as f64 / ITERATIONS as f64) + 0.5;
        cells.values_mut().for_each(Vec::clear);
        for (i, &(x, y)) in pos.iter().enumerate() {
            cells.entry(cell(x, y)).or_default().push(i);
        }
        for (i, s) in shift.iter_mut().enumerate() {
            let (x, y) = pos[i];
            let (cx, cy) = cell(x, y);
            let mut dx = -GRAVITY * x;
            let mut dy = -GRAVITY * y;
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    for &j in cells.get(&(gx, gy)).map_or(&[][..], Vec::as_slice) {
                        if j == i {
                            continue;
                        }
                        let (ex, ey) = (x - pos[j].0, y - pos[j].1);
                        let mut d2 = ex * ex + ey * ey;
                        if d2 > REACH * REACH {
                            continue;
                        }
                        let (ex, ey) = if d2 < 1e-6 {
                            // Two nodes on one spot part in a direction set by their numbers.
                            let a = (i * 7 + j * 13) as f64;
                            d2 = 0.01;
                            (a.cos() * 0.1, a.sin() * 0.1)
                        } else {
                            (ex, ey)
                        };
                        // k² / d, along the unit vector: k² / d².
                        let f = IDEAL * IDEAL / d2;
                        dx += ex * f;
                        dy += ey * f;
                    }
                }
            }
            *s = (dx, dy);
        }
        for &(a, b, w) in lines {
            let (a, b) = (a as usize, b as usize);
            let (ex, ey) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (ex * ex + ey * ey).sqrt().max(1e-3);
            // A spring of rest length k, weaker at hubs (as d3-force's links): a hub's many
            // lines would otherwise pull its neighbours into one spot.
            let f = w / count[a].min(count[b]) * (d - IDEAL) / d;
            shift[a].0 -= ex * f;
            shift[a].1 -= ey * f;
            shift[b].0 += ex * f;
            shift[b].1 += ey * f;
        }
        for (p, &(dx, dy)) in pos.iter_mut().zip(&shift) {
            let length = (dx * dx + dy * dy).sqrt();
            if length > 0.0 {
                let moved = length.min(heat) / length;
                p.0 += dx * moved;
                p.1 += dy * moved;
            }
        }
    }
    pos
}

fn cell(x: f64, y: f64) -> (i64, i64) {
    ((x / REACH).floor() as i64, (y / REACH).floor() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linked_nodes_end_closer_than_unlinked_ones() {
        // Two triangles, not linked to each other.
        let lines = [
            (0, 1, 1.0),
            (1, 2, 1.0),
            (0, 2, 1.0),
            (3, 4, 1.0),
            (4, 5, 1.0),
            (3, 5, 1.0),
        ];
        let pos = layout(6, &lines);
        let d = |a: usize, b: usize| {
            ((pos[a].0 - pos[b].0).powi(2) + (pos[a].1 - pos[b].1).powi(2)).sqrt()
        };
        assert!(d(0, 1) < d(0, 4) && d(3, 5) < d(2, 4), "{pos:?}");
        assert!(pos.iter().all(|p| p.0.is_finite() && p.1.is_finite()));
        assert_eq!(pos, layout(6, &lines), "not deterministic");
    }

    #[test]
    fn empty_and_single_graphs_are_laid_out() {
        assert!(layout(0, &[]).is_empty());
        assert_eq!(layout(1, &[]).len(), 1);
    }
}
