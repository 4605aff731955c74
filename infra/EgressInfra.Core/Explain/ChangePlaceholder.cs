namespace EgressInfra.Core.Explain;

/// <summary>
/// A value of a suggested change that only its user knows (who owns a destination, why it is needed):
/// the change carries a placeholder there, and is judged as if the user had filled it in.
/// </summary>
/// <param name="Path">Config path of the value, e.g. <c>egress.services[3].owner</c>.</param>
/// <param name="Value">The placeholder written there, e.g. <c>&lt;team&gt;</c>.</param>
public sealed record ChangePlaceholder(string Path, string Value);
