"""deploy/docker-compose.yml, deploy/Dockerfile and deploy/kubernetes: no Docker or cluster here, so these
check that the YAML parses, the pieces refer to each other consistently, and every WIREWATCH_* variable
is one the settings accept (with a value they accept)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from streams.settings import Settings

DEFAULT_WEB_PORT = "6066"


def settings_field(name: str) -> tuple[str, ...]:
    """``WIREWATCH_KAFKA__BOOTSTRAP_SERVERS`` → ``("kafka", "bootstrap_servers")``, or fail if no such field."""
    assert name.startswith("WIREWATCH_"), name
    path = tuple(name.removeprefix("WIREWATCH_").lower().split("__"))
    model: type[BaseModel] = Settings
    for i, part in enumerate(path):
        assert part in model.model_fields, f"{name}: no settings field {'.'.join(path[:i + 1])}"
        annotation = model.model_fields[part].annotation
        if i < len(path) - 1:
            assert isinstance(annotation, type) and issubclass(annotation, BaseModel), f"{name}: not a section"
            model = annotation
    return path


@pytest.fixture
def settings_from_env(monkeypatch: pytest.MonkeyPatch):
    """Build ``Settings`` from exactly these WIREWATCH_* variables (the rest of the environment cleared)."""
    def build(env: dict[str, str]) -> Settings:
        for key in [k for k in os.environ if k.startswith("WIREWATCH_")]:
            monkeypatch.delenv(key)
        for key, value in env.items():
            settings_field(key)
            monkeypatch.setenv(key, value)
        return Settings()

    return build


def load_all(path: Path) -> list[dict[str, Any]]:
    return [d for d in yaml.safe_load_all(path.read_text()) if d is not None]


def test_every_deploy_yaml_parses(deploy_dir):
    files = [p for p in deploy_dir.rglob("*") if p.suffix in (".yml", ".yaml")]
    assert len(files) >= 15
    for path in files:
        assert load_all(path), path


# ---- docker compose --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def compose(deploy_dir: Path) -> dict[str, Any]:
    return dict(yaml.safe_load((deploy_dir / "docker-compose.yml").read_text()))


def test_compose_services_and_kraft_broker(compose):
    services = compose["services"]
    assert set(services) == {"kafka", "worker", "prometheus", "alertmanager", "grafana"}
    kafka = services["kafka"]
    assert kafka["image"].startswith("apache/kafka:")
    env = kafka["environment"]
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert not any("ZOOKEEPER" in k for k in env)
    # Host ports stay on loopback.
    for svc in services.values():
        assert all(str(p).startswith("127.0.0.1:") for p in svc.get("ports", []))


def test_compose_worker_settings_are_valid_and_reach_the_broker(compose, settings_from_env):
    worker = compose["services"]["worker"]
    env = {k: re.sub(r"\$\{[A-Z_]+:-(.*)\}", r"\1", str(v)) for k, v in worker["environment"].items()}
    s = settings_from_env(env)
    advertised = compose["services"]["kafka"]["environment"]["KAFKA_ADVERTISED_LISTENERS"]
    internal = dict(item.split("://") for item in advertised.split(","))["INTERNAL"]
    assert s.kafka.bootstrap_servers == internal
    assert s.worker.web_host == "0.0.0.0" and str(s.worker.web_port) in worker["expose"]


def test_compose_build_and_mounts_exist(compose, deploy_dir):
    build = compose["services"]["worker"]["build"]
    context = (deploy_dir / build["context"]).resolve()
    assert (context / build["dockerfile"]).is_file() and (context / "pyproject.toml").is_file()
    for name, svc in compose["services"].items():
        for volume in svc.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("."):
                assert (deploy_dir / source).exists(), f"{name}: {source}"
    prom = compose["services"]["prometheus"]
    config = next(a for a in prom["command"] if a.startswith("--config.file=")).removeprefix("--config.file=")
    mount = next(v for v in prom["volumes"] if v.startswith("./prometheus:")).split(":")[1]
    assert (deploy_dir / "prometheus" / Path(config).relative_to(mount)).is_file()


def test_dockerfile_env_and_port(deploy_dir, settings_from_env):
    text = (deploy_dir / "Dockerfile").read_text()
    env = dict(re.findall(r"(WIREWATCH_[A-Z_]+)=(\S+)", text))
    s = settings_from_env(env)
    assert f"EXPOSE {s.worker.web_port}" in text and s.worker.web_host == "0.0.0.0"


# ---- kubernetes ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def k8s(deploy_dir: Path) -> dict[str, dict[str, Any]]:
    docs = [d for p in sorted((deploy_dir / "kubernetes").glob("*.yaml")) for d in load_all(p)]
    return {d["kind"]: d for d in docs}


def test_kubernetes_objects(k8s, deploy_dir):
    assert set(k8s) >= {"Namespace", "ConfigMap", "Secret", "Deployment", "Service", "PodMonitor",
                        "PodDisruptionBudget", "Kustomization"}
    for kind, doc in k8s.items():
        if kind != "Kustomization":
            assert doc["apiVersion"] and doc["metadata"]["name"], kind
    kustomization = k8s["Kustomization"]
    assert all((deploy_dir / "kubernetes" / r).is_file() for r in kustomization["resources"])
    assert "secret.example.yaml" not in kustomization["resources"]


def test_kubernetes_workers_share_one_consumer_group_and_are_selected_consistently(k8s, settings_from_env):
    deployment = k8s["Deployment"]
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert deployment["spec"]["replicas"] > 1
    for selector in (deployment["spec"]["selector"]["matchLabels"], k8s["Service"]["spec"]["selector"],
                     k8s["PodMonitor"]["spec"]["selector"]["matchLabels"],
                     k8s["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"]):
        assert selector.items() <= pod_labels.items()

    config = k8s["ConfigMap"]["data"]
    s = settings_from_env(config)
    assert s.worker.app_id  # one app id for all replicas = one consumer group
    assert s.topics.partitions >= deployment["spec"]["replicas"], "replicas beyond partitions would idle"

    container = deployment["spec"]["template"]["spec"]["containers"][0]
    refs = {e["configMapRef"]["name"] for e in container["envFrom"] if "configMapRef" in e}
    assert refs == {k8s["ConfigMap"]["metadata"]["name"]}
    secret_refs = {e["secretRef"]["name"] for e in container["envFrom"] if "secretRef" in e}
    assert secret_refs == {k8s["Secret"]["metadata"]["name"]}
    assert not container.get("env"), "settings belong in the ConfigMap/Secret"

    port = {p["name"]: p["containerPort"] for p in container["ports"]}["metrics"]
    annotations = deployment["spec"]["template"]["metadata"]["annotations"]
    assert port == s.worker.web_port == int(annotations["prometheus.io/port"])
    assert s.worker.web_host == "0.0.0.0"
    assert annotations["prometheus.io/path"] == "/metrics"
    assert [p["targetPort"] for p in k8s["Service"]["spec"]["ports"]] == ["metrics"]
    assert [e["port"] for e in k8s["PodMonitor"]["spec"]["podMetricsEndpoints"]] == ["metrics"]
    mounts = {m["mountPath"] for m in container["volumeMounts"]}
    assert any(str(s.worker.data_dir).startswith(m) for m in mounts), "data dir must be writable"


def test_kubernetes_secret_example_is_valid_settings(k8s, settings_from_env):
    s = settings_from_env(k8s["ConfigMap"]["data"] | k8s["Secret"]["stringData"])
    assert s.alerts.webhooks and s.alerts.webhooks[0].secret is not None


def test_settings_field_rejects_unknown_names():
    assert settings_field("WIREWATCH_KAFKA__BOOTSTRAP_SERVERS") == ("kafka", "bootstrap_servers")
    with pytest.raises(AssertionError):
        settings_field("WIREWATCH_WORKER__PORT")
    with pytest.raises(AssertionError):
        settings_field("WIREWATCH_BOOTSTRAP_SERVERS")
