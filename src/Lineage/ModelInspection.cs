using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.ML;

namespace ModelGates.Lineage;

/// <summary>
/// What can be recovered from a fitted model by reflection: the transformer types of the chain and the
/// trained predictor's type and scalar public properties. Trainer options are not kept by ML.NET in the
/// fitted model, so they are not recoverable here (callers pass them in <see cref="LineageOptions.Hyperparameters"/>).
/// </summary>
internal static class ModelInspection
{
    public static IReadOnlyList<ITransformer> Flatten(ITransformer model)
    {
        var result = new List<ITransformer>();
        Add(model, result);
        return result;
    }

    /// <summary>The model parameters of the last prediction transformer (a type with a public <c>Model</c> property); null when none.</summary>
    public static object? Predictor(IReadOnlyList<ITransformer> transformers)
    {
        for (var i = transformers.Count - 1; i >= 0; i--)
        {
            var type = transformers[i].GetType();
            if (type.GetInterfaces().Any(candidate => candidate.IsGenericType && candidate.GetGenericTypeDefinition().FullName == "Microsoft.ML.IPredictionTransformer`1"))
            {
                return FindProperty(type, "Model") is { } model ? SafeGet(model, transformers[i]) : null;
            }
        }

        return null;
    }

    public static IReadOnlyDictionary<string, string> ScalarProperties(object? predictor)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (predictor is null)
        {
            return result;
        }

        AddScalars(predictor, prefix: string.Empty, result);

        // Calibrated predictors wrap the trained model and its calibrator: record both one level down.
        foreach (var part in new[] { "SubModel", "Calibrator" })
        {
            var value = FindProperty(predictor.GetType(), part) is { } property ? SafeGet(property, predictor) : null;
            if (value is not null)
            {
                result[part] = FriendlyName(value.GetType());
                AddScalars(value, part + ".", result);
            }
        }

        return result;
    }

    public static string FriendlyName(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name;
        var tick = name.IndexOf('`');
        return (tick < 0 ? name : name.Substring(0, tick)) + "<" + string.Join(", ", type.GetGenericArguments().Select(FriendlyName)) + ">";
    }

    private static void Add(ITransformer transformer, List<ITransformer> result)
    {
        // TransformerChain<T> enumerates its transformers; nested chains are flattened.
        if (transformer is IEnumerable children && transformer.GetType().IsGenericType
            && transformer.GetType().GetGenericTypeDefinition().FullName == "Microsoft.ML.Data.TransformerChain`1")
        {
            foreach (var child in children.OfType<ITransformer>())
            {
                Add(child, result);
            }

            return;
        }

        result.Add(transformer);
    }

    /// <summary>The most derived public property of that name: ML.NET's generic bases re-declare some (for example <c>SubModel</c>) with <c>new</c>.</summary>
    private static PropertyInfo? FindProperty(Type type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var property = current.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            if (property is not null)
            {
                return property;
            }
        }

        return null;
    }

    private static void AddScalars(object instance, string prefix, SortedDictionary<string, string> result)
    {
        foreach (var property in instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Hidden base properties come after the derived one of the same name: the first one wins.
            if (property.GetIndexParameters().Length != 0 || !IsScalar(property.PropertyType) || result.ContainsKey(prefix + property.Name)
                || SafeGet(property, instance) is not { } value)
            {
                continue;
            }

            result[prefix + property.Name] = Format(value);
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal);

    private static object? SafeGet(PropertyInfo property, object instance)
    {
        try
        {
            return property.GetValue(instance);
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    private static string Format(object value) => value switch
    {
        float single => single.ToString("R", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
