using k8s;
using k8s.KubeConfigModels;

namespace EgressInfra.Delivery;

/// <summary>
/// Finds the kubeconfig the way the Kubernetes provider does, so the Sidecar listing reaches the
/// cluster the objects go to: the stack's <c>kubeconfig</c> setting (a path if such a file exists,
/// else the text itself), else every file in <c>KUBECONFIG</c> merged (the first occurrence of a
/// name wins), else <c>~/.kube/config</c>; then the stack's context, or the file's current one.
/// </summary>
internal static class KubeconfigSource
{
    public static KubernetesClientConfiguration Configure(ClusterAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var context = string.IsNullOrWhiteSpace(access.Context) ? null : access.Context;
        return KubernetesClientConfiguration.BuildConfigFromConfigObject(Load(access.Kubeconfig), context);
    }

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

        var files = (Environment.GetEnvironmentVariable("KUBECONFIG") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ExpandHome)
            .Where(File.Exists)
            .Select(p => new FileInfo(p))
            .ToArray();
        return files.Length > 0
            ? Merge(files.Select(f => KubernetesClientConfiguration.LoadKubeConfig(f, useRelativePaths: true)).ToList())
            : KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(ExpandHome("~/.kube/config")), useRelativePaths: true);
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
