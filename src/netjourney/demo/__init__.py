"""Sample journeys for `netjourney demo`, screenshots and the bench: sample data is not the core.

`small.fill_demo`: a few weeks around diagnosis plus months of lanreotide;
`large.fill_large_demo`: about five years; `journey` holds the treatment story
both tell (doses, markers, scans and the diary).
"""
