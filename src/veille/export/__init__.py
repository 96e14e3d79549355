"""Exports of the knowledge base: JSONL (evaluation format), GraphML/GEXF, FollowTheMoney, CSV."""
