namespace EgressInfra.Core.Diagnostics;

/// <summary>A place in a source file. Line and column are 1-based, as editors show them.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
