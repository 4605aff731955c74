namespace EgressInfra.Core.Config;

/// <summary>
/// One <c>policy.waivers</c> item: a rule that does not apply to one service until a date. It is
/// valid through the whole of <see cref="Expires"/> (UTC) and an error from the day after.
/// </summary>
/// <param name="Rule">Rule id (<c>no-wildcard-hosts</c>) or code (<c>EGR303</c>).</param>
/// <param name="Service">A service name, or the name of a listed preset (all the services it expands to).</param>
/// <param name="SourcePath">Config path of the item, <c>policy.waivers[0]</c>.</param>
public sealed record PolicyWaiver(string Rule, string Service, string Reason, DateOnly Expires, string SourcePath);
