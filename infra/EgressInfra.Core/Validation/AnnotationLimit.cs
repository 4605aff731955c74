using System.Text;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;

namespace EgressInfra.Core.Validation;

/// <summary>
/// The API server's limit on an object's annotations (k8s.io/apimachinery ValidateAnnotationsSize:
/// keys and values together at most 256 KiB). A service's owner and reason become annotations of its
/// ServiceEntry, so a pasted document as a reason would pass every other check and fail at apply.
/// </summary>
public static class AnnotationLimit
{
    public static Diagnostic? Check(BuiltServiceEntry item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var annotations = item.Entry.Metadata.Annotations;
        long size = 0;
        foreach (var (key, value) in annotations)
        {
            size += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value);
        }

        if (size <= KubernetesLabels.MaxAnnotationBytes)
        {
            return null;
        }

        var source = item.Source;
        var field = (source.Reason?.Length ?? 0) >= (source.Owner?.Length ?? 0) ? "reason" : "owner";
        return InputCodes.AnnotationsTooLarge.Create(
            $"{source.SourcePath}.{field}",
            $"the ServiceEntry's annotations would hold {size} bytes (owner, reason and preset); the API server refuses more than {KubernetesLabels.MaxAnnotationBytes} in total",
            resource: ((IKubernetesObject)item.Entry).DisplayName);
    }
}
