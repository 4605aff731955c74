using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Delivery;

/// <summary>What the preflight read from the cluster before any change.</summary>
/// <param name="Crds">Names of the CustomResourceDefinitions that exist (of those asked for).</param>
/// <param name="Namespaces">Each governed namespace that exists, with its labels; a missing one is absent.</param>
/// <param name="Sidecars">The Sidecars listed in the namespaces where the stack registers one.</param>
/// <param name="UnlistedSidecars">Namespaces whose Sidecars could not be listed, with the reason.</param>
public sealed record ClusterFacts(
    ValueList<string> Crds,
    ValueMap<ValueMap<string>> Namespaces,
    ValueList<ObservedSidecar> Sidecars,
    ValueMap<string> UnlistedSidecars);

/// <summary>A Sidecar found in the cluster.</summary>
/// <param name="WorkloadSelector">
/// The labels of its <c>workloadSelector</c>; null when it has none (namespace-wide). An empty selector
/// is not namespace-wide to Istio: it is ranked with the selecting Sidecars and selects every workload.
/// </param>
public sealed record ObservedSidecar(string Namespace, string Name, ValueMap<string>? WorkloadSelector);
