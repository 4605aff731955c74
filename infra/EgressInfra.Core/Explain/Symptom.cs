namespace EgressInfra.Core.Explain;

/// <summary>What a pod observes when its traffic is denied or broken, and where to look.</summary>
/// <param name="Observed">What the client sees: status code, error text, hang.</param>
/// <param name="ProxyLog">What the sidecar's access log or config shows, if telling.</param>
/// <param name="FailureModes">The failure modes of docs/explain.md this is (F1..F15).</param>
public sealed record Symptom(string Observed, string? ProxyLog, IReadOnlyList<string> FailureModes);
