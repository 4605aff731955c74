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
                    ("metadata", PodMetadata(plan, labels)),
                    ("spec", Map(
                        ("restartPolicy", Str("Never")),
                        ("automountServiceAccountToken", Bool(false)),
                        ("securityContext", Map(
                            ("runAsNonRoot", Bool(true)),
                            ("runAsUser", Int(RunAsUser)),
                            ("runAsGroup", Int(RunAsUser)),
                            ("seccompProfile", Map(("type", Str("RuntimeDefault")))))),
                        ("containers", new SequenceNode([.. Containers(plan)])),
                        ("volumes", new SequenceNode([.. Volumes(plan)])))))))));
    }

    /// <summary>The downward-API volume of an ambient probe: the pod's own annotations, where istio-cni marks its enrolment.</summary>
    public const string PodInfoVolume = "podinfo";

    public const string PodInfoDirectory = AmbientProbeScript.PodInfoDirectory;

    // A sidecar probe holds its script until the proxy is ready. An ambient pod has no proxy to wait
    // for (ztunnel runs per node), and it carries no dataplane-mode label of its own: it is enrolled,
    // or not, exactly as the namespace's workloads are.
    private static MappingNode PodMetadata(ProbePlan plan, MappingNode labels) => plan.Ambient
        ? Map(("labels", labels))
        : Map(("labels", labels), ("annotations", Map((ProxyConfigAnnotation, Str(HoldUntilProxyStarts)))));

    private static IEnumerable<MappingNode> Volumes(ProbePlan plan)
    {
        yield return Map(("name", Str("tmp")), ("emptyDir", Map(("sizeLimit", Str("1Mi")))));
        if (plan.Ambient)
        {
            var item = Map(("path", Str("annotations")), ("fieldRef", Map(("fieldPath", Str("metadata.annotations")))));
            yield return Map(("name", Str(PodInfoVolume)), ("downwardAPI", Map(("items", new SequenceNode([item])))));
        }
    }

    /// <summary>Istio's proxy UID, which the sidecar's iptables rules do not redirect: the bypass container runs as it.</summary>
    public const int ProxyUid = 1337;

    /// <summary>The probe container, and in gateway mode the bypass container (as the proxy's UID) whose direct connections must be dropped.</summary>
    private static IEnumerable<MappingNode> Containers(ProbePlan plan)
    {
        yield return Container("probe", plan.Settings.Image, plan.Script, null, plan.Ambient);
        if (plan.BypassScript is { } bypass)
        {
            yield return Container("probe-bypass", plan.Settings.Image, bypass, ProxyUid, false);
        }
    }

    private static MappingNode Container(string name, string image, string script, int? runAs, bool podInfo)
    {
        var mounts = new List<ConfigNode> { Map(("name", Str("tmp")), ("mountPath", Str("/tmp"))) };
        if (podInfo)
        {
            mounts.Add(Map(("name", Str(PodInfoVolume)), ("mountPath", Str(PodInfoDirectory)), ("readOnly", Bool(true))));
        }

        var security = new List<(string, ConfigNode)>();
        if (runAs is { } uid)
        {
            security.Add(("runAsUser", Int(uid)));
            security.Add(("runAsGroup", Int(uid)));
        }

        security.Add(("allowPrivilegeEscalation", Bool(false)));
        security.Add(("readOnlyRootFilesystem", Bool(true)));
        security.Add(("capabilities", Map(("drop", new SequenceNode([Str("ALL")])))));
        return Map(
            ("name", Str(name)),
            ("image", Str(image)),
            ("command", new SequenceNode([Str("/bin/sh"), Str("-c"), Str(script)])),
            ("securityContext", Map([.. security])),
            ("resources", Map(
                ("requests", Map(("cpu", Str("10m")), ("memory", Str("16Mi")))),
                ("limits", Map(("memory", Str("64Mi")))))),
            ("volumeMounts", new SequenceNode([.. mounts])));
    }

    private static MappingNode Map(params (string Key, ConfigNode Value)[] entries) =>
        new([.. entries.Select(e => KeyValuePair.Create(Str(e.Key), e.Value))]);

    private static ScalarNode Str(string value) => new(value, ScalarKind.String);

    private static ScalarNode Int(long value) => new(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Integer);

    private static ScalarNode Bool(bool value) => new(value ? "true" : "false", ScalarKind.Boolean);
}
