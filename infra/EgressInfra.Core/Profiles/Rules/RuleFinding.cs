namespace EgressInfra.Core.Profiles.Rules;

/// <summary>What a rule found, before its profile gives it a severity.</summary>
/// <param name="Path">Config path of the offending field: <c>egress.services[1].hosts[0]</c>, <c>egress.presets[0]</c>.</param>
/// <param name="Service">The service concerned, for waivers; null for a finding about the whole stack.</param>
/// <param name="Preset">The listed preset the finding comes from, if any: a waiver may name it instead of the service.</param>
public sealed record RuleFinding(string Path, string Message, string? Service = null, string? Preset = null);
