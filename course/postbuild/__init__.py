"""The step over the finished site: what rewrites built HTML, run once after the generator.

    finish_site(site_dir, SiteOptions(...))    after every edition is written (finish.py)
    python -m course.postbuild SITE_DIR ...    the same from a shell, after any generator (__main__.py)

In order: each edition's 404 page to its folder (not_found.py); every page's
progress box, checkbox fix and CSP <meta> with the hashes of whatever inline
scripts it has (pages.py); the search index split per language and the
Swedish compound parts (search_index.py, search_swedish.py; off with
`search_swedish: false`); unused theme files pruned (prune_assets.py); our
own scripts and stylesheets minified (minify.py); the policy for a server
header (csp.py).
"""
