using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Delivery;

/// <summary>What the preflight read from the cluster before any change.</summary>
/// <param name="Crds">Names of the CustomResourceDefinitions that exist (of those asked for).</param>
/// <param name="Namespaces">Each governed namespace that exists, with its labels; a missing one is absent.</param>
/// <param name="Sidecars">Sidecars already in governed namespaces, as far as they could be read.</param>
public sealed record ClusterFacts(
    ValueList<string> Crds,
    ValueMap<ValueMap<string>> Namespaces,
    ValueList<ObservedSidecar> Sidecars);

/// <summary>A Sidecar found in the cluster.</summary>
/// <param name="HasWorkloadSelector">False for a namespace-wide Sidecar (Istio honours one per namespace).</param>
/// <param name="Labels">Its labels: <c>app.kubernetes.io/managed-by=egress-infra</c> marks the stack's own.</param>
public sealed record ObservedSidecar(string Namespace, string Name, bool HasWorkloadSelector, ValueMap<string> Labels);
