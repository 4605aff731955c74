namespace EgressInfra.Core.Validation.Istio.Syntax;

/// <summary>D13, Istio <c>ValidateUnixAddress</c>, applied to the text after <c>unix://</c>.</summary>
public static class UnixAddress
{
    public const string Prefix = "unix://";

    public static bool IsUnix(string? address) => address is not null && address.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Non-empty; an abstract socket (<c>@name</c>) or an absolute path that does not end in '/'.</summary>
    public static bool IsValidPath(ReadOnlySpan<char> path) =>
        path.Length > 0 && (path[0] == '@' || (path[0] == '/' && path[^1] != '/'));
}
