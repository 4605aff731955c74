namespace EgressInfra.Core.Validation.Istio.Syntax;

/// <summary>
/// D12, Istio <c>labels.Instance.Validate</c> (Kubernetes label syntax): a key is an optional DNS
/// prefix (at most 253 characters) and '/', then a name of at most 63 characters; a value is empty or
/// a name, with no length limit at this stage.
/// </summary>
public static class LabelSyntax
{
    public const int MaxNameLength = 63;
    public const int MaxPrefixLength = 253;

    public static bool IsValidKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key.AsSpan() : key.AsSpan(slash + 1);
        if (slash >= 0)
        {
            var prefix = key.AsSpan(0, slash);
            if (prefix.Length > MaxPrefixLength || !IsPrefix(prefix))
            {
                return false;
            }
        }

        return name.Length <= MaxNameLength && IsQualifiedName(name);
    }

    public static bool IsValidValue(string value) => value.Length == 0 || IsQualifiedName(value);

    /// <summary><c>(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]</c>.</summary>
    public static bool IsQualifiedName(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || !char.IsAsciiLetterOrDigit(s[0]) || !char.IsAsciiLetterOrDigit(s[^1]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    // The prefix pattern has no per-label length limit, unlike D1.
    private static bool IsPrefix(ReadOnlySpan<char> s)
    {
        foreach (var range in s.Split('.'))
        {
            var label = s[range];
            if (label.Length == 0 || !char.IsAsciiLetterOrDigit(label[0]) || !char.IsAsciiLetterOrDigit(label[^1]))
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }
}
