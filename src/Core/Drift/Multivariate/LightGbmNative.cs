using System.Runtime.InteropServices;
using System.Text;

namespace ModelGates.Drift.Multivariate;

/// <summary>
/// The few entry points of LightGBM's C API (lib_lightgbm, shipped by the LightGBM package that Microsoft.ML.LightGbm
/// depends on) the domain classifier needs. Called directly rather than through ML.NET's trainer: ML.NET's fixed cost
/// per fit (data views, schema, its own binning pass, JIT of its trainer on first use) was most of the checks' time on
/// a few thousand rows, while LightGBM itself fits them in a few milliseconds.
/// </summary>
internal static class LightGbmNative
{
    private const string Library = "lib_lightgbm";

    private const int Float32 = 0;

    private const int Float64 = 1;

    private const int RowMajor = 1;

    private const int RawScore = 1;

    private const int GainImportance = 1;

    /// <summary>A binary model fitted on row-major <paramref name="rows"/> (rows × <paramref name="features"/>) with 0/1 <paramref name="labels"/>.</summary>
    /// <exception cref="LightGbmException">LightGBM reported an error.</exception>
    public static Booster Train(double[] rows, int features, float[] labels, string datasetParameters, string boosterParameters, int iterations)
    {
        Check(DatasetCreateFromMat(rows, Float64, labels.Length, features, RowMajor, Utf8(datasetParameters), 0, out var dataset));
        try
        {
            Check(DatasetSetField(dataset, Utf8("label"), labels, labels.Length, Float32));
            Check(BoosterCreate(dataset, Utf8(boosterParameters), out var handle));
            var booster = new Booster(handle, features);
            try
            {
                for (var i = 0; i < iterations; i++)
                {
                    Check(BoosterUpdateOneIter(handle, out var finished));
                    if (finished != 0)
                    {
                        break;
                    }
                }

                return booster;
            }
            catch
            {
                booster.Dispose();
                throw;
            }
        }
        finally
        {
            _ = DatasetFree(dataset);
        }
    }

    private static void Check(int result)
    {
        if (result != 0)
        {
            throw new LightGbmException(Marshal.PtrToStringUTF8(GetLastError()) ?? "an unknown error");
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text + "\0");

    /// <summary>A fitted model; frees its native memory when disposed.</summary>
    internal sealed class Booster(nint handle, int features) : IDisposable
    {
        /// <summary>The raw score (log-odds) of each row of row-major <paramref name="rows"/>.</summary>
        public double[] Predict(double[] rows, string parameters)
        {
            var count = rows.Length / features;
            var scores = new double[count];
            Check(BoosterPredictForMat(handle, rows, Float64, count, features, RowMajor, RawScore, 0, -1, Utf8(parameters), out var written, scores));
            return written == count ? scores : throw new LightGbmException($"it returned {written} scores for {count} rows");
        }

        /// <summary>Each feature's total split gain over every tree.</summary>
        public double[] Gain()
        {
            var gain = new double[features];
            Check(BoosterFeatureImportance(handle, 0, GainImportance, gain));
            return gain;
        }

        /// <inheritdoc/>
        public void Dispose() => _ = BoosterFree(handle);
    }

    // DllImport, not LibraryImport: every argument is blittable (strings go as UTF-8 bytes), and LibraryImport would need unsafe code.
    [DllImport(Library, EntryPoint = "LGBM_GetLastError")]
    private static extern nint GetLastError();

    [DllImport(Library, EntryPoint = "LGBM_DatasetCreateFromMat")]
    private static extern int DatasetCreateFromMat(double[] data, int dataType, int rows, int columns, int rowMajor, byte[] parameters, nint reference, out nint dataset);

    [DllImport(Library, EntryPoint = "LGBM_DatasetSetField")]
    private static extern int DatasetSetField(nint dataset, byte[] field, float[] data, int count, int type);

    [DllImport(Library, EntryPoint = "LGBM_DatasetFree")]
    private static extern int DatasetFree(nint dataset);

    [DllImport(Library, EntryPoint = "LGBM_BoosterCreate")]
    private static extern int BoosterCreate(nint dataset, byte[] parameters, out nint booster);

    [DllImport(Library, EntryPoint = "LGBM_BoosterUpdateOneIter")]
    private static extern int BoosterUpdateOneIter(nint booster, out int finished);

    [DllImport(Library, EntryPoint = "LGBM_BoosterPredictForMat")]
    private static extern int BoosterPredictForMat(nint booster, double[] data, int dataType, int rows, int columns, int rowMajor, int predictType, int startIteration, int iterations, byte[] parameters, out long written, double[] scores);

    [DllImport(Library, EntryPoint = "LGBM_BoosterFeatureImportance")]
    private static extern int BoosterFeatureImportance(nint booster, int iterations, int importanceType, double[] gain);

    [DllImport(Library, EntryPoint = "LGBM_BoosterFree")]
    private static extern int BoosterFree(nint booster);
}

/// <summary>LightGBM's C API reported an error.</summary>
/// <param name="message">Its message.</param>
internal sealed class LightGbmException(string message) : Exception(message);
