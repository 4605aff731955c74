using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Config;

/// <summary>Pods in one namespace, by label: a destination a NetworkPolicy lets every governed pod reach.</summary>
public sealed record PeerSelector(string Namespace, ValueMap<string> Labels);
