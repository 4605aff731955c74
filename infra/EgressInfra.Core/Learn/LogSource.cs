namespace EgressInfra.Core.Learn;

/// <summary>One access log to learn from: how findings name it, the namespace of the pods that wrote it, and its lines.</summary>
public sealed record LogSource(string Name, string Namespace, IEnumerable<string> Lines);
