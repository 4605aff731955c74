namespace EgressInfra.Core.Validation.Istio.Syntax;

/// <summary>
/// Istio's host-name syntax (pkg/config/labels and pkg/config/validation/agent). Unlike Kubernetes
/// object names, upper case is allowed everywhere here.
/// </summary>
public static class DnsNames
{
    public const int MaxLabelLength = 63;
    public const int MaxDomainLength = 255;

    /// <summary>D1, Istio <c>IsDNS1123Label</c>: <c>[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?</c>, at most 63 characters.</summary>
    public static bool IsLabel(ReadOnlySpan<char> s)
    {
        if (s.Length is 0 or > MaxLabelLength || !char.IsAsciiLetterOrDigit(s[0]) || !char.IsAsciiLetterOrDigit(s[^1]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>D2, Istio <c>IsWildcardDNS1123Label</c>: <c>*</c>, <c>*label</c>, <c>*-label</c> or a label; at most 63 characters.</summary>
    public static bool IsWildcardLabel(ReadOnlySpan<char> s)
    {
        if (s.Length > MaxLabelLength)
        {
            return false;
        }

        if (s.Length > 0 && s[0] == '*')
        {
            return s.Length == 1 || IsLabel(s[1..]) || (s[1] == '-' && IsLabel(s[2..]));
        }

        return IsLabel(s);
    }

    /// <summary>D3, Istio <c>ValidateWildcardDomain</c>: a host that may start with a wildcard label.</summary>
    public static DnsNameCheck CheckWildcardDomain(string domain)
    {
        var pre = CheckLength(domain);
        if (!pre.IsValid)
        {
            return pre;
        }

        var dot = domain.IndexOf('.', StringComparison.Ordinal);
        var first = dot < 0 ? domain.AsSpan() : domain.AsSpan(0, dot);
        if (!IsWildcardLabel(first))
        {
            return new DnsNameCheck(DnsNameProblem.InvalidLabel, first.ToString());
        }

        return dot < 0 ? DnsNameCheck.Valid : CheckLabels(domain.AsSpan(dot + 1));
    }

    /// <summary>D5, Istio <c>ValidateFQDN</c>: 1..255 characters of dot-separated labels. A single label passes.</summary>
    public static DnsNameCheck CheckFqdn(string name)
    {
        var pre = CheckLength(name);
        return pre.IsValid ? CheckLabels(name) : pre;
    }

    /// <summary>
    /// D4, Istio <c>ValidateDNS1123Labels</c>: the last label may not be numeric (Go Atoi), every label is
    /// D1, and the last label alone may be empty (a trailing dot).
    /// </summary>
    public static DnsNameCheck CheckLabels(ReadOnlySpan<char> domain)
    {
        var lastDot = domain.LastIndexOf('.');
        var top = lastDot < 0 ? domain : domain[(lastDot + 1)..];
        if (GoText.IsAtoi(top))
        {
            return new DnsNameCheck(DnsNameProblem.NumericTopLevel, top.ToString());
        }

        var rest = domain;
        while (true)
        {
            var dot = rest.IndexOf('.');
            var label = dot < 0 ? rest : rest[..dot];
            if (dot < 0 && label.Length == 0)
            {
                return DnsNameCheck.Valid;
            }

            if (!IsLabel(label))
            {
                return new DnsNameCheck(DnsNameProblem.InvalidLabel, label.ToString());
            }

            if (dot < 0)
            {
                return DnsNameCheck.Valid;
            }

            rest = rest[(dot + 1)..];
        }
    }

    /// <summary>D6, Istio <c>ValidatePartialWildCard</c>: contains '*', is not "*", and does not start with "*.".</summary>
    public static bool IsPartialWildcard(string host) =>
        host.Contains('*', StringComparison.Ordinal) && host.Length != 1 && !host.StartsWith("*.", StringComparison.Ordinal);

    // Go measures bytes; a non-ASCII name fails the label check anyway, so counting chars keeps every verdict.
    private static DnsNameCheck CheckLength(string name) => name.Length switch
    {
        0 => new DnsNameCheck(DnsNameProblem.Empty, string.Empty),
        > MaxDomainLength => new DnsNameCheck(DnsNameProblem.TooLong, string.Empty),
        _ => DnsNameCheck.Valid,
    };
}

public enum DnsNameProblem
{
    None,
    Empty,
    TooLong,
    InvalidLabel,
    NumericTopLevel,
}

/// <summary>The outcome of a host-name check; <see cref="Label"/> is the offending label, if any.</summary>
public readonly record struct DnsNameCheck(DnsNameProblem Problem, string Label)
{
    public static DnsNameCheck Valid => default;

    public bool IsValid => Problem == DnsNameProblem.None;

    /// <summary>The problem in a few words, to follow "is not a valid host name:".</summary>
    /// <param name="wildcardAllowed">
    /// False after <see cref="DnsNames.CheckFqdn"/>: a plain domain name has no wildcard anywhere, so the
    /// leading '*.' a wildcard domain may have is not offered as the way out.
    /// </param>
    public string Describe(bool wildcardAllowed = true) => Problem switch
    {
        DnsNameProblem.InvalidLabel when !wildcardAllowed && Label.Contains('*', StringComparison.Ordinal) => $"the label '{Label}' has a wildcard, and a plain domain name may not have one anywhere",
        DnsNameProblem.Empty => "it is empty",
        DnsNameProblem.TooLong => $"it is longer than {DnsNames.MaxDomainLength} characters",
        DnsNameProblem.NumericTopLevel => $"the last label '{Label}' is all digits, so it looks like an IP address, not a domain",
        DnsNameProblem.InvalidLabel when Label.Length == 0 => "it has an empty label (two dots in a row, or a leading dot)",
        DnsNameProblem.InvalidLabel when Label.Length > DnsNames.MaxLabelLength => $"the label '{Label}' is longer than {DnsNames.MaxLabelLength} characters",
        DnsNameProblem.InvalidLabel when Label.Contains('*', StringComparison.Ordinal) => $"the label '{Label}' has a wildcard where none is allowed (only a leading '*' in the first label is)",
        DnsNameProblem.InvalidLabel => $"the label '{Label}' may only have letters, digits and inner '-'",
        _ => "it is valid",
    };
}
