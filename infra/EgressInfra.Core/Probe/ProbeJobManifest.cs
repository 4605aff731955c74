using System.Globalization;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Probe;

/// <summary>
/// The probe's Job, shape and settings, shared by both doors: the Pulumi program maps these values to
/// its Job args, and <c>egressctl render</c> prints the same Job so it can be reviewed with the policy.
/// </summary>
public static class ProbeJobManifest
{
    public const string PolicyHashAnnotation = "egress-infra.io/policy-hash";
    public const string ComponentLabel = "app.kubernetes.io/component";
    public const string ComponentValue = "egress-probe";

    /// <summary>The provider replaces an unready Job on the next update instead of awaiting it again.</summary>
    public const string ReplaceUnreadyAnnotation = "pulumi.com/replaceUnready";

    /// <summary>How long the provider awaits the Job's completion.</summary>
    public const string TimeoutSecondsAnnotation = "pulumi.com/timeoutSeconds";

    /// <summary>Start the script only once the proxy is ready, or its first checks race the sidecar.</summary>
    public const string ProxyConfigAnnotation = "proxy.istio.io/config";
    public const string HoldUntilProxyStarts = "{\"holdApplicationUntilProxyStarts\": true}";

    /// <summary>Any non-root user but Istio's proxy (1337), whose traffic the sidecar does not capture.</summary>
    public const int RunAsUser = 65532;

    /// <summary>Time past the Job's deadline for the pod to be scheduled and its image pulled.</summary>
    public const int AwaitMarginSeconds = 120;

    public static int AwaitSeconds(ProbePlan plan) => (plan ?? throw new ArgumentNullException(nameof(plan))).DeadlineSeconds + AwaitMarginSeconds;

    /// <summary>The rendered Job's name; the Pulumi program names it <c>egress-probe-&lt;random hex&gt;</c>, renewed with the policy.</summary>
    public static string RenderedName(ProbePlan plan) => "egress-probe-" + (plan ?? throw new ArgumentNullException(nameof(plan))).PolicyHash[..8];

    public static MappingNode ToTree(ProbePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var labels = Map(("app.kubernetes.io/managed-by", Str(ManagedLabels.ManagedByValue)), (ComponentLabel, Str(ComponentValue)));
        return Map(
            ("apiVersion", Str("batch/v1")),
            ("kind", Str("Job")),
            ("metadata", Map(
                ("name", Str(RenderedName(plan))),
                ("namespace", Str(plan.Namespace)),
                ("labels", labels),
                ("annotations", Map(
                    (PolicyHashAnnotation, Str(plan.PolicyHash)),
                    (ReplaceUnreadyAnnotation, Str("true")),
                    (TimeoutSecondsAnnotation, Str(AwaitSeconds(plan).ToString(CultureInfo.InvariantCulture))))))),
            ("spec", Map(
                ("backoffLimit", Int(0)),
                ("activeDeadlineSeconds", Int(plan.DeadlineSeconds)),
                ("ttlSecondsAfterFinished", Int(plan.Settings.TtlSecondsAfterFinished)),
                ("template", Map(
                    ("metadata", Map(("labels", labels), ("annotations", Map((ProxyConfigAnnotation, Str(HoldUntilProxyStarts)))))),
                    ("spec", Map(
                        ("restartPolicy", Str("Never")),
                        ("automountServiceAccountToken", Bool(false)),
                        ("securityContext", Map(
                            ("runAsNonRoot", Bool(true)),
                            ("runAsUser", Int(RunAsUser)),
                            ("runAsGroup", Int(RunAsUser)),
                            ("seccompProfile", Map(("type", Str("RuntimeDefault")))))),
                        ("containers", new SequenceNode([Map(
                            ("name", Str("probe")),
                            ("image", Str(plan.Settings.Image)),
                            ("command", new SequenceNode([Str("/bin/sh"), Str("-c"), Str(plan.Script)])),
                            ("securityContext", Map(
                                ("allowPrivilegeEscalation", Bool(false)),
                                ("readOnlyRootFilesystem", Bool(true)),
                                ("capabilities", Map(("drop", new SequenceNode([Str("ALL")])))))),
                            ("resources", Map(
                                ("requests", Map(("cpu", Str("10m")), ("memory", Str("16Mi")))),
                                ("limits", Map(("memory", Str("64Mi")))))),
                            ("volumeMounts", new SequenceNode([Map(("name", Str("tmp")), ("mountPath", Str("/tmp")))])))])),
                        ("volumes", new SequenceNode([Map(("name", Str("tmp")), ("emptyDir", Map(("sizeLimit", Str("1Mi")))))])))))))));
    }

    private static MappingNode Map(params (string Key, ConfigNode Value)[] entries) =>
        new([.. entries.Select(e => KeyValuePair.Create(Str(e.Key), e.Value))]);

    private static ScalarNode Str(string value) => new(value, ScalarKind.String);

    private static ScalarNode Int(long value) => new(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Integer);

    private static ScalarNode Bool(bool value) => new(value ? "true" : "false", ScalarKind.Boolean);
}
