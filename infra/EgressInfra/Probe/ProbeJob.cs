using EgressInfra.Core.Probe;
using Pulumi;
using Pulumi.Random;
using Job = Pulumi.Kubernetes.Batch.V1.Job;
using JobStatus = Pulumi.Kubernetes.Types.Outputs.Batch.V1.JobStatus;
using KubernetesProvider = Pulumi.Kubernetes.Provider;

namespace EgressInfra.Probe;

/// <summary>
/// The post-deploy probe of one namespace: a Job that runs the Core's script once the namespace's
/// ServiceEntries and Sidecar are in place. A Job cannot be changed once created, so its name carries
/// a random suffix kept by the policy hash: a new Job (a new run) exactly when the policy changes.
/// </summary>
internal sealed class ProbeJob
{
    public ProbeJob(Resource parent, ProbePlan plan, KubernetesProvider provider, IReadOnlyList<Resource> policy)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var ns = plan.Namespace;
        Suffix = new RandomId($"{ns}-probe-id", new RandomIdArgs
        {
            ByteLength = 4,
            Keepers = { { PolicyHashKeeper, plan.PolicyHash } },
        }, new CustomResourceOptions { Parent = parent });

        JobName = Suffix.Hex.Apply(hex => $"egress-probe-{hex}");
        Job = new Job($"{ns}-probe", ProbeJobArgsMapper.Create(plan, JobName), new CustomResourceOptions
        {
            Parent = parent,
            Provider = provider,
            DependsOn = [.. policy],
            CustomTimeouts = new CustomTimeouts
            {
                Create = TimeSpan.FromSeconds(ProbeJobArgsMapper.AwaitSeconds(plan)),
                Update = TimeSpan.FromSeconds(ProbeJobArgsMapper.AwaitSeconds(plan)),
            },
        });
        Result = Job.Status.Apply(Describe);
    }

    /// <summary>The RandomId keeper that ties the Job's name to the policy it tests.</summary>
    public const string PolicyHashKeeper = "policyHash";

    public RandomId Suffix { get; }

    public Output<string> JobName { get; }

    public Job Job { get; }

    /// <summary><c>passed</c>, <c>failed</c>, or <c>not run</c> (rendered to YAML, or still pending).</summary>
    public Output<string> Result { get; }

    private static string Describe(JobStatus? status) => status switch
    {
        { Succeeded: > 0 } => "passed",
        { Failed: > 0 } => "failed",
        _ => "not run",
    };
}
