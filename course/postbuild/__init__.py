"""The step over the finished site: what rewrites built HTML, run once after the generator."""
