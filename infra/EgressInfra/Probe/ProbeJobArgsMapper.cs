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
    public const string PolicyHashAnnotation = ProbeJobManifest.PolicyHashAnnotation;
    public const string ComponentLabel = ProbeJobManifest.ComponentLabel;
    public const string ComponentValue = ProbeJobManifest.ComponentValue;

    /// <summary>
    /// Sidecar injection by label, which Istio reads before the namespace's own setting. The probe
    /// never sets it: it must get exactly what the namespace's workloads get, and the script fails
    /// when no proxy is present.
    /// </summary>
    public const string InjectLabel = "sidecar.istio.io/inject";

    /// <summary>
    /// The Kubernetes provider (v4) replaces a Job that is not ready on the next update instead of
    /// waiting for it again: one failed probe must not block every later <c>pulumi up</c>.
    /// </summary>
    public const string ReplaceUnreadyAnnotation = ProbeJobManifest.ReplaceUnreadyAnnotation;

    /// <summary>How long the provider awaits the Job's completion; it fits the Job's own deadline.</summary>
    public const string TimeoutSecondsAnnotation = ProbeJobManifest.TimeoutSecondsAnnotation;

    /// <summary>Time past the Job's deadline for the pod to be scheduled and its image pulled.</summary>
    public const int AwaitMarginSeconds = ProbeJobManifest.AwaitMarginSeconds;

    public static int AwaitSeconds(ProbePlan plan) => ProbeJobManifest.AwaitSeconds(plan);

    public const string ProxyConfigAnnotation = ProbeJobManifest.ProxyConfigAnnotation;
    public const string HoldUntilProxyStarts = ProbeJobManifest.HoldUntilProxyStarts;
    public const int RunAsUser = ProbeJobManifest.RunAsUser;

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
                Annotations =
                {
                    { PolicyHashAnnotation, plan.PolicyHash },
                    { ReplaceUnreadyAnnotation, "true" },
                    { TimeoutSecondsAnnotation, AwaitSeconds(plan).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                },
            },
            Spec = new JobSpecArgs
            {
                // One attempt: a retry would hide a flaky policy, and the result is the point.
                BackoffLimit = 0,
                ActiveDeadlineSeconds = plan.DeadlineSeconds,
                TtlSecondsAfterFinished = plan.Settings.TtlSecondsAfterFinished,
                Template = new PodTemplateSpecArgs
                {
                    Metadata = PodMetadata(plan),
                    Spec = PodSpec(plan),
                },
            },
        };
    }

    // As ProbeJobManifest renders it: a sidecar probe holds its script until the proxy is ready; an
    // ambient pod has no proxy and is enrolled by its namespace, so it carries no annotation.
    private static ObjectMetaArgs PodMetadata(ProbePlan plan)
    {
        var metadata = new ObjectMetaArgs
        {
            Labels = { { ManagedLabels.ManagedBy, ManagedLabels.ManagedByValue }, { ComponentLabel, ComponentValue } },
        };
        if (!plan.Ambient)
        {
            metadata.Annotations = new InputMap<string> { { ProxyConfigAnnotation, HoldUntilProxyStarts } };
        }

        return metadata;
    }

    /// <summary>Istio's proxy UID: the sidecar's iptables rules let its traffic out unredirected, which is the bypass the NetworkPolicy must stop.</summary>
    public const int ProxyUid = ProbeJobManifest.ProxyUid;

    private static PodSpecArgs PodSpec(ProbePlan plan)
    {
        var spec = BasePodSpec(plan);
        if (plan.Ambient)
        {
            // The ambient script reads istio-cni's enrolment annotation from the pod's own annotations.
            spec.Volumes.Add(new VolumeArgs
            {
                Name = ProbeJobManifest.PodInfoVolume,
                DownwardAPI = new DownwardAPIVolumeSourceArgs
                {
                    Items = { new DownwardAPIVolumeFileArgs { Path = "annotations", FieldRef = new ObjectFieldSelectorArgs { FieldPath = "metadata.annotations" } } },
                },
            });
        }

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
                VolumeMounts = ProbeMounts(plan),
            },
        },
        Volumes = { new VolumeArgs { Name = "tmp", EmptyDir = new EmptyDirVolumeSourceArgs { SizeLimit = "1Mi" } } },
    };

    private static InputList<VolumeMountArgs> ProbeMounts(ProbePlan plan)
    {
        var mounts = new InputList<VolumeMountArgs> { new VolumeMountArgs { Name = "tmp", MountPath = "/tmp" } };
        if (plan.Ambient)
        {
            mounts.Add(new VolumeMountArgs { Name = ProbeJobManifest.PodInfoVolume, MountPath = ProbeJobManifest.PodInfoDirectory, ReadOnly = true });
        }

        return mounts;
    }
}
