using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;
using EgressInfra.Core.Validation.Istio.Syntax;
using EgressInfra.Core.Validation.Objects;

namespace EgressInfra.Core.Validation.VirtualServices;

/// <summary>validateStringMatch and validateStringRegexp: no empty prefix or regex; regexes are RE2 (Go regexp syntax), at most 1024 bytes.</summary>
public static class StringMatchRules
{
    public const int MaxRegexLength = 1024;

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

        // Go's len() counts UTF-8 bytes, not characters.
        if (Re2Syntax.Utf8Length(pattern) > MaxRegexLength)
        {
            return $"the regex is too large: at most {MaxRegexLength} bytes (UTF-8)";
        }

        return Re2Syntax.Problem(pattern) is { } problem
            ? $"\"{pattern}\" is not a valid RE2 regex ({problem}); Istio compiles it with Go's regexp"
            : null;
    }
}
