"""wirewatch stream side: article model → parsing → tagging → milestone detection → Faust app.

The pure steps (``article``, ``parsing``, ``tagging``, ``milestones``) import nothing from Kafka;
``app`` wires them into Faust agents and ``ingest`` publishes articles with kafka-python.
"""

__version__ = "0.1.0"
