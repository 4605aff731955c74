using EgressInfra.Core.Manifests;
using EgressInfra.Core.Probe;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Batch.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

namespace EgressInfra.Probe;

/// <summary>A namespace's probe plan to the args of the Job that runs its script inside the mesh.</summary>
internal static class ProbeJobArgsMapper
{
    public const string PolicyHashAnnotation = "egress-infra.io/policy-hash";
    public const string ComponentLabel = "app.kubernetes.io/component";
    public const string ComponentValue = "egress-probe";

    /// <summary>Sidecar injection by label, which Istio reads before the namespace's own setting.</summary>
    public const string InjectLabel = "sidecar.istio.io/inject";

    /// <summary>Start the script only once the proxy is ready, or its first checks race the sidecar.</summary>
    public const string ProxyConfigAnnotation = "proxy.istio.io/config";
    public const string HoldUntilProxyStarts = "{\"holdApplicationUntilProxyStarts\": true}";

    /// <summary>Any non-root user but Istio's proxy (1337), whose traffic the sidecar does not capture.</summary>
    public const int RunAsUser = 65532;

    public static JobArgs Create(ProbePlan plan, Input<string> name)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var labels = new InputMap<string>
        {
            { ManagedLabels.ManagedBy, ManagedLabels.ManagedByValue },
            { ComponentLabel, ComponentValue },
        };
        return new JobArgs
        {
            Metadata = new ObjectMetaArgs
            {
                Name = name,
                Namespace = plan.Namespace,
                Labels = labels,
                Annotations = { { PolicyHashAnnotation, plan.PolicyHash } },
            },
            Spec = new JobSpecArgs
            {
                // One attempt: a retry would hide a flaky policy, and the result is the point.
                BackoffLimit = 0,
                ActiveDeadlineSeconds = plan.DeadlineSeconds,
                TtlSecondsAfterFinished = plan.Settings.TtlSecondsAfterFinished,
                Template = new PodTemplateSpecArgs
                {
                    Metadata = new ObjectMetaArgs
                    {
                        Labels = { { ManagedLabels.ManagedBy, ManagedLabels.ManagedByValue }, { ComponentLabel, ComponentValue }, { InjectLabel, "true" } },
                        Annotations = { { ProxyConfigAnnotation, HoldUntilProxyStarts } },
                    },
                    Spec = PodSpec(plan),
                },
            },
        };
    }

    /// <summary>Istio's proxy UID: the sidecar's iptables rules let its traffic out unredirected, which is the bypass the NetworkPolicy must stop.</summary>
    public const int ProxyUid = 1337;

    private static PodSpecArgs PodSpec(ProbePlan plan)
    {
        var spec = BasePodSpec(plan);
        if (plan.BypassScript is { } bypass)
        {
            spec.Containers.Add(new ContainerArgs
            {
                Name = "probe-bypass",
                Image = plan.Settings.Image,
                Command = { "/bin/sh", "-c", bypass },
                SecurityContext = new SecurityContextArgs
                {
                    RunAsUser = ProxyUid,
                    RunAsGroup = ProxyUid,
                    AllowPrivilegeEscalation = false,
                    ReadOnlyRootFilesystem = true,
                    Capabilities = new CapabilitiesArgs { Drop = { "ALL" } },
                },
                Resources = new ResourceRequirementsArgs
                {
                    Requests = { { "cpu", "10m" }, { "memory", "16Mi" } },
                    Limits = { { "memory", "64Mi" } },
                },
                VolumeMounts = { new VolumeMountArgs { Name = "tmp", MountPath = "/tmp" } },
            });
        }

        return spec;
    }

    private static PodSpecArgs BasePodSpec(ProbePlan plan) => new()
    {
        RestartPolicy = "Never",
        AutomountServiceAccountToken = false,
        SecurityContext = new PodSecurityContextArgs
        {
            RunAsNonRoot = true,
            RunAsUser = RunAsUser,
            RunAsGroup = RunAsUser,
            SeccompProfile = new SeccompProfileArgs { Type = "RuntimeDefault" },
        },
        Containers =
        {
            new ContainerArgs
            {
                Name = "probe",
                Image = plan.Settings.Image,
                // The script ends by stopping the sidecar (quitquitquit), or the Job would never complete.
                Command = { "/bin/sh", "-c", plan.Script },
                SecurityContext = new SecurityContextArgs
                {
                    AllowPrivilegeEscalation = false,
                    ReadOnlyRootFilesystem = true,
                    Capabilities = new CapabilitiesArgs { Drop = { "ALL" } },
                },
                Resources = new ResourceRequirementsArgs
                {
                    Requests = { { "cpu", "10m" }, { "memory", "16Mi" } },
                    Limits = { { "memory", "64Mi" } },
                },
                VolumeMounts = { new VolumeMountArgs { Name = "tmp", MountPath = "/tmp" } },
            },
        },
        Volumes = { new VolumeArgs { Name = "tmp", EmptyDir = new EmptyDirVolumeSourceArgs { SizeLimit = "1Mi" } } },
    };
}
