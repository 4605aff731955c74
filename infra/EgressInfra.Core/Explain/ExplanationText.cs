using System.Text;
using EgressInfra.Core.Changes;
using EgressInfra.Core.Config;
using EgressInfra.Core.Diagnostics;

namespace EgressInfra.Core.Explain;

/// <summary>Writes an <see cref="Explanation"/> for people: a verdict line, then one labelled line per fact.</summary>
public static class ExplanationText
{
    public static string Write(Explanation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var sb = new StringBuilder();
        var verdict = e.Allowed ? "ALLOWED" : "DENIED";
        sb.Append($"{verdict}  {e.Query.Namespace} -> {e.Query.Destination} ({e.Protocol.Name()}, {e.ProtocolSource})\n");
        Line(sb, "reason", e.Reason);
        if (e.Match is { } m)
        {
            var port = m.Port is null ? string.Empty : $", port {m.Port.EffectiveName}";
            Line(sb, "entry", $"{m.Resource} from {m.ConfigPath}{port}");
            if (m.Import is not null)
            {
                Line(sb, "visible", $"imported by the namespace's Sidecar through \"{m.Import}\"");
            }

            if (e.Allowed && e.Outcome != ExplainOutcome.Passthrough && e.Via.Count == 0 && e.Waypoint is null)
            {
                Line(sb, "route", Route(m));
            }
        }

        foreach (var hop in e.Via)
        {
            Line(sb, "via", hop);
        }

        var posture = e.Posture is null ? string.Empty : $", posture {e.Posture}";
        Line(sb, "policy", e.Waypoint is null
            ? $"outbound {e.OutboundPolicy.Name()}, profile {e.Profile}{posture}"
            : $"mode {e.Mode}, waypoint {e.Waypoint} (outboundTrafficPolicy does not apply), profile {e.Profile}{posture}");
        if (e.Symptom is { } s)
        {
            Line(sb, "a pod sees", s.Observed);
            if (s.ProxyLog is not null)
            {
                Line(sb, "proxy", s.ProxyLog);
            }

            Line(sb, "see", $"{string.Join(", ", s.FailureModes)} in docs/explain.md");
        }

        foreach (var note in e.Notes)
        {
            Line(sb, "note", note);
        }

        if (e.Change is { } change)
        {
            WriteChange(sb, change, e.Acceptance);
        }

        return sb.ToString();
    }

    private static void WriteChange(StringBuilder sb, SuggestedChange change, ChangeAcceptance? acceptance)
    {
        Line(sb, "smallest change", change.Summary);
        foreach (var edit in change.Edits)
        {
            sb.Append(edit.File is null ? $"    # {edit.Path}\n" : $"    # {edit.File}, at {edit.Path}\n");
            foreach (var line in ChangeSnippets.Yaml(edit).TrimEnd('\n').Split('\n'))
            {
                sb.Append("    ").Append(line).Append('\n');
            }
        }

        if (change.Edits.Any(e => e.File is null))
        {
            sb.Append("    # or, from the project directory with the stack selected:\n");
            foreach (var command in change.Edits.SelectMany(ChangeSnippets.PulumiCommands))
            {
                sb.Append("    ").Append(command).Append('\n');
            }
        }

        foreach (var note in change.Notes)
        {
            Line(sb, "  note", note);
        }

        if (acceptance is null)
        {
            return;
        }

        if (acceptance.Accepted)
        {
            var verified = acceptance.Verified
                ? "and explain then says ALLOWED"
                : "but explain still does not say ALLOWED with it; see the notes";
            Line(sb, $"profile {acceptance.Profile}", $"accepts the change: the stack evaluates without errors with it, {verified}");
        }
        else
        {
            Line(sb, $"profile {acceptance.Profile}", "rejects the change: the stack would not deploy with it:");
            foreach (var d in acceptance.Errors)
            {
                sb.Append($"    error {d.Code} at {d.Path}: {d.Message}\n");
            }
        }

        foreach (var d in acceptance.NewWarnings)
        {
            sb.Append($"    warning {d.Code} at {d.Path}: {d.Message}\n");
        }
    }

    private static string Route(EntryMatch m) => m.Resolution switch
    {
        ServiceResolution.Dns or ServiceResolution.DnsRoundRobin => $"the sidecar resolves {(m.Kind == HostMatchKind.Address ? "the service's host" : m.Declared)} itself and connects there (resolution {m.Resolution.Name()})",
        ServiceResolution.Static => "to the service's endpoints (resolution STATIC)",
        ServiceResolution.DynamicDns => "the sidecar resolves the host the client asked for (resolution DYNAMIC_DNS)",
        _ => "to the address the pod itself connected to (resolution NONE, original destination)",
    };

    private static void Line(StringBuilder sb, string label, string text) =>
        sb.Append("  ").Append(label).Append(": ").Append(text).Append('\n');

    /// <summary>What explain prints instead of an answer when the stack has errors.</summary>
    public static string Refusal(IReadOnlyList<Diagnostic> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var count = errors.Count(d => d.IsError);
        return $"the stack has {count} error{(count == 1 ? string.Empty : "s")} and cannot be deployed, so it is not explained; run `egressctl check` and fix them first\n";
    }
}
