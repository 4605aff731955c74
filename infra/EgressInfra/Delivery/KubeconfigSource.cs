using k8s;
using k8s.KubeConfigModels;

namespace EgressInfra.Delivery;

/// <summary>
/// Finds the kubeconfig the way the Kubernetes provider does, so the Sidecar listing reaches the
/// cluster the objects go to: the stack's <c>kubeconfig</c> setting (a path if such a file exists,
/// else the text itself), else every file in <c>KUBECONFIG</c> merged (the first occurrence of a
/// name wins), else <c>~/.kube/config</c>; then the stack's context, or the file's current one. With
/// none of these and no context, inside a pod, the pod's service account (as the provider falls back to).
/// </summary>
internal static class KubeconfigSource
{
    public static KubernetesClientConfiguration Configure(ClusterAccess access) =>
        Configure(access, KubernetesClientConfiguration.IsInCluster());

    /// <param name="inCluster">Whether this runs in a pod with a service account (a parameter for tests).</param>
    internal static KubernetesClientConfiguration Configure(ClusterAccess access, bool inCluster)
    {
        ArgumentNullException.ThrowIfNull(access);
        var context = string.IsNullOrWhiteSpace(access.Context) ? null : access.Context;
        if (context is null && inCluster && string.IsNullOrWhiteSpace(access.Kubeconfig) && KubeconfigFiles().Length == 0 && !File.Exists(DefaultPath))
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        return KubernetesClientConfiguration.BuildConfigFromConfigObject(Load(access.Kubeconfig), context);
    }

    private static string DefaultPath => ExpandHome("~/.kube/config");

    private static FileInfo[] KubeconfigFiles() =>
        (Environment.GetEnvironmentVariable("KUBECONFIG") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ExpandHome)
            .Where(File.Exists)
            .Select(p => new FileInfo(p))
            .ToArray();

    private static K8SConfiguration Load(string? setting)
    {
        if (!string.IsNullOrWhiteSpace(setting))
        {
            var path = ExpandHome(setting.Trim());
            if (!path.Contains('\n', StringComparison.Ordinal) && File.Exists(path))
            {
                return KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(path), useRelativePaths: true);
            }

            using var text = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(setting));
            return KubernetesClientConfiguration.LoadKubeConfig(text);
        }

        var files = KubeconfigFiles();
        return files.Length > 0
            ? Merge(files.Select(f => KubernetesClientConfiguration.LoadKubeConfig(f, useRelativePaths: true)).ToList())
            : KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(DefaultPath), useRelativePaths: true);
    }

    /// <summary>
    /// kubectl's merge of several files: the first context, cluster and user of a name win, and so does
    /// the first current-context. Relative certificate paths resolve against the first file's folder.
    /// </summary>
    private static K8SConfiguration Merge(List<K8SConfiguration> configs) => new()
    {
        ApiVersion = configs[0].ApiVersion,
        Kind = configs[0].Kind,
        FileName = configs[0].FileName,
        CurrentContext = configs.Select(c => c.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c)),
        Contexts = FirstByName(configs.SelectMany(c => c.Contexts ?? []), c => c.Name),
        Clusters = FirstByName(configs.SelectMany(c => c.Clusters ?? []), c => c.Name),
        Users = FirstByName(configs.SelectMany(c => c.Users ?? []), u => u.Name),
    };

    private static List<T> FirstByName<T>(IEnumerable<T> items, Func<T, string> name) =>
        [.. items.GroupBy(name, StringComparer.Ordinal).Select(g => g.First())];

    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~').TrimStart('/'))
            : path;
}
