namespace EgressInfra.Core.Config;

/// <summary>One <c>policy.rules</c> entry: a rule, named by id or code, and the level the stack asks for.</summary>
/// <param name="SourcePath">Config path of the entry, <c>policy.rules.no-wildcard-hosts</c>.</param>
public sealed record RuleLevelSetting(string Rule, EnforcementLevel Level, string SourcePath);
