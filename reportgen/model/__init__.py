"""The typed objects that pass between the stages: the catalog (factors, scale, zones, questions), the
assessment as it was read, and what the analysis found.
"""
