using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Analysis.Enforcement;

/// <summary>One object of the set under analysis, by API group and kind, with the tree it was read from.</summary>
public sealed record SetObject(string Group, string Kind, ObjectInput Input)
{
    public string Namespace => Input.Namespace;

    public string Name => Input.Name;

    public bool Is(string group, string kind) => Group == group && Kind == kind;
}
