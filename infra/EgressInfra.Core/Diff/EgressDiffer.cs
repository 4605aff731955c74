using System.Globalization;
using EgressInfra.Core.Config;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Probe;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Diff;

/// <summary>Compares two versions of a stack's egress, semantically.</summary>
public static class EgressDiffer
{
    /// <summary>
    /// Evaluates both files and compares their models. A version with errors is still compared when its
    /// shape bound (a pull request that breaks a rule should still show what it changes); one whose
    /// shape did not bind has no model, and the diff is null.
    /// </summary>
    public static DiffResult Compare(StackDocument oldDocument, string oldName, StackDocument newDocument, string newName, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(oldDocument);
        ArgumentNullException.ThrowIfNull(newDocument);
        return Compare(() => oldDocument, oldName, () => newDocument, newName, options);
    }

    /// <summary>
    /// The same, reading each version just before it is evaluated: with the waivers taken from its tree
    /// first, no version's parse tree is alive while the other is evaluated (peak memory of a large diff).
    /// </summary>
    public static DiffResult Compare(Func<StackDocument> readOld, string oldName, Func<StackDocument> readNew, string newName, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(readOld);
        ArgumentNullException.ThrowIfNull(readNew);
        var (oldPlan, oldWaivers) = Evaluate(readOld(), options);
        var (newPlan, newWaivers) = Evaluate(readNew(), options);
        if (oldPlan.Config is null || newPlan.Config is null)
        {
            return new DiffResult(oldPlan, newPlan, null);
        }

        var notes = new List<string>();
        foreach (var (plan, name) in new[] { (oldPlan, oldName), (newPlan, newName) })
        {
            var errors = plan.Errors.Count();
            if (errors > 0)
            {
                notes.Add($"{name} has {errors} error{(errors == 1 ? string.Empty : "s")} and cannot be deployed as it is (run egressctl check)");
            }
        }

        var diff = Compare(
            EgressSnapshot.From(oldPlan, oldWaivers),
            EgressSnapshot.From(newPlan, newWaivers),
            oldName,
            newName) with { Notes = notes };
        return new DiffResult(oldPlan, newPlan, diff);
    }

    private static (EgressPlan Plan, IReadOnlyList<string> Waivers) Evaluate(StackDocument document, EvaluationOptions? options)
    {
        var waivers = document.ProjectConfig is null ? [] : WaiverReader.Read(document.ProjectConfig);
        return (EgressPipeline.Evaluate(document, options), waivers);
    }

    public static EgressDiff Compare(EgressSnapshot old, EgressSnapshot @new, string oldName, string newName)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var stack = new List<FieldChange>();
        AddScalar(stack, "environment", old.Environment, @new.Environment);
        AddScalar(stack, "profile", old.Profile, @new.Profile);
        AddScalar(stack, "mode", old.Mode, @new.Mode);
        AddScalar(stack, "ambient.waypoint", old.Waypoint, @new.Waypoint);
        AddScalar(stack, "outboundTrafficPolicy", old.OutboundPolicy, @new.OutboundPolicy);
        if (old.NetworkPolicy != @new.NetworkPolicy)
        {
            stack.Add(new FieldChange("networkPolicy.enabled", Bool(old.NetworkPolicy), Bool(@new.NetworkPolicy), [], [], @new.NetworkPolicy ? null : "without a NetworkPolicy, a pod that skips its sidecar reaches any address directly"));
        }

        AddPostures(stack, old.Postures, @new.Postures);
        AddSet(stack, "namespaces", old.Namespaces, @new.Namespaces);
        AddSet(stack, "sidecarImports", old.SidecarImports, @new.SidecarImports);
        AddPolicy(stack, old.Policy, @new.Policy);
        AddProbe(stack, old.Probe, @new.Probe);

        var destinations = new List<NamespaceChange>();
        foreach (var ns in old.Destinations.Keys.Union(@new.Destinations.Keys).Order(StringComparer.Ordinal))
        {
            var before = old.Destinations.GetValueOrDefault(ns) ?? [];
            var after = @new.Destinations.GetValueOrDefault(ns) ?? [];
            var gained = after.Except(before, StringComparer.Ordinal).ToList();
            var lost = before.Except(after, StringComparer.Ordinal).ToList();
            if (gained.Count > 0 || lost.Count > 0)
            {
                destinations.Add(new NamespaceChange(ns, gained, lost));
            }
        }

        var added = @new.Services.Where(s => !old.Services.ContainsKey(s.Key)).Select(s => s.Value).ToList();
        var removed = old.Services.Where(s => !@new.Services.ContainsKey(s.Key)).Select(s => s.Value).ToList();
        var changed = new List<ServiceChange>();
        foreach (var (name, before) in old.Services)
        {
            if (!@new.Services.TryGetValue(name, out var after))
            {
                continue;
            }

            var fields = new List<FieldChange>();
            for (var i = 0; i < before.Fields.Count; i++)
            {
                var (field, values) = before.Fields[i];

                // Both snapshots list the fields in one order: look a field up by name only if not.
                var afterValues = i < after.Fields.Count && after.Fields[i].Key == field ? after.Fields[i].Value : after[field];
                if (values.SequenceEqual(afterValues, StringComparer.Ordinal))
                {
                    continue;
                }

                if (ServiceSnapshot.ScalarFields.Contains(field))
                {
                    AddScalar(fields, field, First(values), First(afterValues));
                }
                else
                {
                    AddSet(fields, field, values, afterValues);
                }
            }

            if (fields.Count > 0)
            {
                changed.Add(new ServiceChange(name, fields));
            }
        }

        return new EgressDiff(
            oldName,
            newName,
            stack,
            destinations,
            added,
            removed,
            changed,
            [.. @new.Waivers.Except(old.Waivers, StringComparer.Ordinal)],
            [.. old.Waivers.Except(@new.Waivers, StringComparer.Ordinal)],
            []);
    }

    /// <summary>
    /// <c>policy.rules.ID</c> per rule whose written level differs, and the prefix limits; a change that
    /// loosens what is in force (the profile's level or limit where a version leaves it out) says why it matters.
    /// </summary>
    private static void AddPolicy(List<FieldChange> changes, PolicySnapshot old, PolicySnapshot @new)
    {
        foreach (var rule in old.Rules.Keys.Union(@new.Rules.Keys).Order(StringComparer.Ordinal))
        {
            var before = old.Rules.TryGetValue(rule, out var b) ? b.Name() : null;
            var after = @new.Rules.TryGetValue(rule, out var a) ? a.Name() : null;
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange($"policy.rules.{rule}", before, after, [], [], RuleWhy(rule, old.LevelOf(rule), @new.LevelOf(rule))));
            }
        }

        AddPrefix(changes, "policy.maxIpv4Prefix", "IPv4", old.MaxIpv4Prefix, @new.MaxIpv4Prefix, old.EffectiveMaxIpv4Prefix, @new.EffectiveMaxIpv4Prefix);
        AddPrefix(changes, "policy.maxIpv6Prefix", "IPv6", old.MaxIpv6Prefix, @new.MaxIpv6Prefix, old.EffectiveMaxIpv6Prefix, @new.EffectiveMaxIpv6Prefix);
    }

    private static string? RuleWhy(string rule, EnforcementLevel? before, EnforcementLevel? after)
    {
        // EnforcementLevel runs from mandatory to disabled: a greater value is looser.
        if (before is not { } b || after is not { } a || a <= b)
        {
            return null;
        }

        return a == EnforcementLevel.Disabled
            ? $"{rule} was {b.Name()} and no longer runs: its findings are not even shown"
            : $"{rule} was mandatory and is now advisory: its findings are shown but no longer stop a deployment";
    }

    private static void AddPrefix(List<FieldChange> changes, string field, string family, int? before, int? after, int? effectiveBefore, int? effectiveAfter)
    {
        if (before == after)
        {
            return;
        }

        // A smaller prefix length is a broader range.
        var why = effectiveBefore is { } eb && effectiveAfter is { } ea && ea < eb
            ? string.Create(CultureInfo.InvariantCulture, $"services may now declare {family} ranges as broad as /{ea} (was /{eb}), opening more addresses per entry")
            : null;
        changes.Add(new FieldChange(field, Number(before), Number(after), [], [], why));
    }

    /// <summary>Each <c>probe.*</c> setting that differs; an absent probe is a disabled one at default settings.</summary>
    private static void AddProbe(List<FieldChange> changes, ProbeConfig old, ProbeConfig @new)
    {
        if (old.Enabled != @new.Enabled)
        {
            changes.Add(new FieldChange(
                "probe.enabled",
                Bool(old.Enabled),
                Bool(@new.Enabled),
                [],
                [],
                @new.Enabled ? null : "the post-deploy probe no longer checks that each namespace reaches what it declares and is denied the rest"));
        }

        AddScalar(changes, "probe.image", old.Image, @new.Image);
        AddScalar(changes, "probe.deniedHost", old.DeniedHost, @new.DeniedHost);
        AddScalar(changes, "probe.spoofAddress", old.SpoofAddress, @new.SpoofAddress);
        AddScalar(changes, "probe.timeoutSeconds", Number(old.TimeoutSeconds), Number(@new.TimeoutSeconds));
        AddScalar(changes, "probe.ttlSecondsAfterFinished", Number(old.TtlSecondsAfterFinished), Number(@new.TtlSecondsAfterFinished));
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? First(IReadOnlyList<string> values) => values.Count == 0 ? null : values[0];

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary><c>posture.NS</c> per namespace (in both versions) whose posture changed; lowering it is a loosening.</summary>
    private static void AddPostures(List<FieldChange> changes, IReadOnlyDictionary<string, string> old, IReadOnlyDictionary<string, string> @new)
    {
        foreach (var ns in old.Keys.Intersect(@new.Keys).Order(StringComparer.Ordinal))
        {
            var before = old[ns];
            var after = @new[ns];
            if (before == after)
            {
                continue;
            }

            var why = Rank(after) < Rank(before)
                ? $"the posture of {ns} is lowered from {before} to {after}: {LoweredWhy(after)}"
                : null;
            changes.Add(new FieldChange($"posture.{ns}", before, after, [], [], why));
        }
    }

    private static int Rank(string posture) => posture switch
    {
        "enforced" => 2,
        "best-effort" => 1,
        _ => 0,
    };

    private static string LoweredWhy(string posture) => posture == "observed"
        ? "undeclared destinations are let through (ALLOW_ANY)"
        : "a pod that skips its sidecar is no longer stopped by the gateway's authorization and the NetworkPolicy";

    private static void AddScalar(List<FieldChange> changes, string field, string? old, string? @new)
    {
        if (!string.Equals(old, @new, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(field, old, @new, [], []));
        }
    }

    private static void AddSet(List<FieldChange> changes, string field, IReadOnlyList<string> old, IReadOnlyList<string> @new)
    {
        var added = @new.Except(old, StringComparer.Ordinal).ToList();
        var removed = old.Except(@new, StringComparer.Ordinal).ToList();
        if (added.Count > 0 || removed.Count > 0)
        {
            changes.Add(new FieldChange(field, null, null, added, removed));
        }
    }
}
