using System.Text.Json;
using EgressInfra.Core.Config;
using EgressInfra.Core.Pipeline;
using EgressInfra.Core.Posture;

namespace EgressInfra.Cli.Output;

/// <summary>Each governed namespace's posture, as <c>check</c> prints it.</summary>
public static class PostureWriter
{
    /// <summary>One line per namespace, with what is missing when it is not enforced; nothing when the config could not be bound.</summary>
    public static void WriteText(TextWriter writer, EgressPlan plan)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Config is null || plan.Postures.Count == 0)
        {
            return;
        }

        writer.Write($"posture (mode {plan.Config.Egress.Mode.Name()}):\n");
        foreach (var posture in plan.Postures)
        {
            var detail = posture.Posture == EgressPosture.Enforced
                ? plan.Config.Egress.Mode == EgressMode.Ambient
                    ? $"waypoint path through {plan.Config.Egress.Ambient.WaypointName}, AuthorizationPolicies and NetworkPolicy; holds where the cluster's CNI enforces NetworkPolicy and the namespace is enrolled in ambient"
                    : "gateway path, AuthorizationPolicy and NetworkPolicy; holds where the cluster's CNI enforces NetworkPolicy"
                : $"missing: {string.Join("; ", posture.Missing)}";
            writer.Write($"  {posture.Namespace}: {posture.Name} ({detail})\n");
        }
    }

    /// <summary>The top-level <c>"posture": {"ns": "enforced"}</c> object (empty when the config could not be bound).</summary>
    public static void WriteJson(Utf8JsonWriter json, EgressPlan plan)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(plan);
        json.WriteStartObject("posture");
        foreach (var posture in plan.Postures)
        {
            json.WriteString(posture.Namespace, posture.Name);
        }

        json.WriteEndObject();
        if (plan.Config is not null)
        {
            json.WriteString("mode", plan.Config.Egress.Mode.Name());
        }
    }
}
