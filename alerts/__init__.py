"""Alert lifecycle: MilestoneEvent → dedup/corroborate → route → retry → deliver (webhooks, ...).

Each stage is a small module with one job; ``alerts.pipeline.AlertPipeline`` assembles them.
Nothing here imports Kafka: the worker (``streams.app``) feeds events in and publishes what comes out.
"""
