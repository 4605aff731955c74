using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Posture;

/// <summary>A governed namespace's posture and, when it is not enforced, what is missing for it to be.</summary>
public sealed record NamespacePosture(string Namespace, EgressPosture Posture, ValueList<string> Missing)
{
    /// <summary>The spelling used in text, JSON and stack outputs: <c>observed</c>, <c>best-effort</c> or <c>enforced</c>.</summary>
    public string Name => Posture.Name();
}
