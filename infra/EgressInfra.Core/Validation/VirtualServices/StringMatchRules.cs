using System.Text.RegularExpressions;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.VirtualServices;

/// <summary>validateStringMatch and validateStringRegexp: no empty prefix or regex; regexes are RE2, at most 1024 characters.</summary>
public static partial class StringMatchRules
{
    public const int MaxRegexLength = 1024;

    /// <summary>RE2 has no lookaround, backreferences, possessive or atomic groups: .NET would accept them, Istio does not.</summary>
    // Source-generated, so that no pattern is parsed when the class is first used.
    [GeneratedRegex(@"\(\?[=!]|\(\?<[=!]|\(\?>|\\[1-9]|\\k<|[*+?}]\+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NotRe2();

    /// <param name="checkPrefix">False for uri, where Istio only checks the regex.</param>
    public static void Check(ConfigNode? match, string path, ObjectFindings f, bool checkPrefix = true)
    {
        if (match is not MappingNode)
        {
            return;
        }

        if (checkPrefix && SpecNode.Has(match, "prefix") && SpecNode.Text(match, "prefix").Length == 0 && !SpecNode.Has(match, "exact") && !SpecNode.Has(match, "regex"))
        {
            f.Add(EnforcementKindCodes.RouteMatch, ConfigPath.Child(path, "prefix"), "a prefix string match should not be empty");
        }

        if (SpecNode.Has(match, "regex") && !SpecNode.Has(match, "exact") && !SpecNode.Has(match, "prefix"))
        {
            if (CheckRegex(SpecNode.Text(match, "regex")) is { } problem)
            {
                f.Add(EnforcementKindCodes.RouteMatch, ConfigPath.Child(path, "regex"), problem);
            }
        }
    }

    /// <summary>Null when Istio (Go's RE2 regexp) accepts the pattern.</summary>
    public static string? CheckRegex(string pattern)
    {
        if (pattern.Length == 0)
        {
            return "a regex string match should not be empty";
        }

        if (pattern.Length > MaxRegexLength)
        {
            return $"the regex is too large: at most {MaxRegexLength} characters";
        }

        if (NotRe2().IsMatch(pattern))
        {
            return $"\"{pattern}\" uses syntax RE2 does not have (lookaround, backreferences, atomic groups); Istio uses RE2";
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException e)
        {
            return $"\"{pattern}\" is not a valid regex ({e.Message}); Istio uses RE2";
        }
    }
}
