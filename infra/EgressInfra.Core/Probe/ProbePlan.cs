using EgressInfra.Core.Collections;

namespace EgressInfra.Core.Probe;

/// <summary>The probe of one governed namespace: its checks, the script that runs them, and the policy they test.</summary>
/// <param name="PolicyHash">SHA-256 (hex) of the namespace's policy; the probe re-runs exactly when it changes.</param>
/// <param name="Skipped">Destinations no check can try (a wildcard host, UDP), with the reason, for the log.</param>
/// <param name="Script">POSIX <c>sh</c> script that runs every check and exits non-zero on any surprise.</param>
public sealed record ProbePlan(
    string Namespace,
    string PolicyHash,
    ValueList<ProbeCheck> Checks,
    ValueList<string> Skipped,
    ProbeConfig Settings,
    string Script)
{
    /// <summary>
    /// An upper bound on the script's run time (each check takes at most its timeout plus a second),
    /// with a minute for the sidecar to start, or in ambient <see cref="AmbientEnrolmentWaitSeconds"/>
    /// and a half minute for the pod's enrolment to show: the Job's activeDeadlineSeconds.
    /// </summary>
    public int DeadlineSeconds => (Ambient ? AmbientEnrolmentWaitSeconds + 30 : 60) + ((Checks.Count + BypassChecks.Count) * (Settings.TimeoutSeconds + 1));

    /// <summary>
    /// How long the ambient script waits for istio-cni's enrolment annotation to reach its downward-API
    /// file: the kubelet writes the file before the pod's network is set up, and refreshes it on its
    /// next sync of the pod (about a minute).
    /// </summary>
    public const int AmbientEnrolmentWaitSeconds = 120;

    /// <summary>
    /// Ambient mode: the pod has no sidecar; ztunnel carries its traffic (the namespace's
    /// <c>istio.io/dataplane-mode=ambient</c>), so the Job has no proxy annotation and the script checks
    /// the pod's enrolment instead of a proxy's readiness.
    /// </summary>
    public bool Ambient { get; init; }

    /// <summary>
    /// Direct connections that skip the sidecar and the egress gateway (gateway mode with a
    /// NetworkPolicy): each must be dropped. Run by <see cref="BypassScript"/> as the proxy's UID, which
    /// the sidecar's iptables rules do not redirect: the way around the sidecar the NetworkPolicy closes.
    /// </summary>
    public ValueList<ProbeCheck> BypassChecks { get; init; } = ValueList<ProbeCheck>.Empty;

    /// <summary>The script of <see cref="BypassChecks"/>, null when there are none.</summary>
    public string? BypassScript { get; init; }
}
