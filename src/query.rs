//! Questions to the graph. (Filled in below.)
