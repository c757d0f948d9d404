"""Colours and shapes by class and predicate, shared by the map and the static picture."""

CLASS_STYLE = {
    "Person": ("#e6194b", "dot"),
    "Organization": ("#3cb44b", "dot"),
    "GovernmentAgency": ("#4363d8", "square"),
    "Company": ("#f58231", "diamond"),
    "Place": ("#a9a9a9", "triangle"),
    "DetentionFacility": ("#000000", "triangleDown"),
    "Policy": ("#911eb4", "hexagon"),
    "Campaign": ("#f032e6", "star"),
    "Event": ("#9a6324", "dot"),
}
DEFAULT_STYLE = ("#808080", "dot")

#: vis-network shapes as matplotlib markers (the handout)
MARKERS = {"dot": "o", "square": "s", "diamond": "D", "triangle": "^", "triangleDown": "v", "hexagon": "h", "star": "*"}

PREDICATE_COLORS = {
    "sharedDataWith": "#d62728", "collaboratesWith": "#ff7f0e", "detainedAt": "#000000",
    "detainedBy": "#444444", "arrested": "#8c564b", "deported": "#7f3f3f", "targets": "#e377c2",
    "raided": "#bcbd22", "operates": "#f58231", "contractsWith": "#c49c94", "fundedBy": "#dbdb8d",
    "memberOf": "#2ca02c", "leads": "#17becf", "founded": "#9edae5", "partOf": "#98df8a",
    "createdCampaign": "#f032e6", "campaignTargets": "#9467bd", "campaignSupports": "#c5b0d5",
    "supports": "#1f77b4", "opposes": "#ff0000", "sues": "#8b0000", "locatedIn": "#bbbbbb",
    "enacted": "#911eb4", "amended": "#b07cc6", "implements": "#6a3d9a", "participatedIn": "#9a6324",
}
