namespace LeopardEm.Tests.Config;

/// <summary>Configuration texts used by several tests.</summary>
internal static class ConfigTexts
{
    /// <summary>
    /// Leopard-EM's programs/match_template/match_template_example_config.yaml as described in spec §1.12. Line
    /// numbers matter to some tests: optics_group starts at line 13, voltage is line 15.
    /// </summary>
    public const string UpstreamExample = """
        template_volume_path: /some/path/to/template.mrc
        micrograph_path: /some/path/to/micrograph.mrc
        match_template_result:
          allow_file_overwrite: true
          mip_path: /some/path/to/output_mip.mrc
          scaled_mip_path: /some/path/to/output_scaled_mip.mrc
          orientation_psi_path: /some/path/to/output_orientation_psi.mrc
          orientation_theta_path: /some/path/to/output_orientation_theta.mrc
          orientation_phi_path: /some/path/to/output_orientation_phi.mrc
          relative_defocus_path: /some/path/to/output_relative_defocus.mrc
          correlation_average_path: /some/path/to/output_correlation_average.mrc
          correlation_variance_path: /some/path/to/output_correlation_variance.mrc
        optics_group:
          label: my_optics_group
          voltage: 300.0
          pixel_size: 1.06
          defocus_u: 5200.0
          defocus_v: 4950.0
          astigmatism_angle: 25.0
          spherical_aberration: 2.7
          amplitude_contrast_ratio: 0.07
          phase_shift: 0.0
          ctf_B_factor: 60.0
        defocus_search_config:
          enabled: true
          defocus_min: -1200.0
          defocus_max: 1200.0
          defocus_step: 200.0
        orientation_search_config:
          base_grid_method: uniform
          psi_step: 1.5
          theta_step: 2.5
          symmetry: C1
        preprocessing_filters:
          whitening_filter:
            enabled: true
            do_power_spectrum: true
            max_freq: 0.5
            num_freq_bins: null
          bandpass_filter:
            enabled: false
            falloff: null
            high_freq_cutoff: null
            low_freq_cutoff: null
        computational_config:
          gpu_ids:
          - 0
          num_cpus: 1

        """;

    /// <summary>The <c>orientation_search_config</c> block of <see cref="UpstreamExample"/>.</summary>
    private const string UpstreamOrientationBlock = """
        orientation_search_config:
          base_grid_method: uniform
          psi_step: 1.5
          theta_step: 2.5
          symmetry: C1
        """;

    /// <summary><see cref="UpstreamExample"/> with its orientation block replaced by <paramref name="block"/>.</summary>
    public static string WithOrientationBlock(string block)
    {
        Assert.Contains(UpstreamOrientationBlock, UpstreamExample, StringComparison.Ordinal);
        return UpstreamExample.Replace(UpstreamOrientationBlock, block, StringComparison.Ordinal);
    }

    /// <summary>Replaces the first occurrence of <paramref name="line"/> (a whole line, indentation included).</summary>
    public static string ReplaceLine(string text, string line, string replacement)
    {
        var lines = text.Split('\n').ToList();
        var index = lines.IndexOf(line);
        Assert.True(index >= 0, $"line '{line}' not found");
        lines[index] = replacement;
        return string.Join('\n', lines);
    }

    /// <summary>Inserts <paramref name="newLine"/> after the first line equal to <paramref name="after"/>.</summary>
    public static string InsertAfter(string text, string after, string newLine) =>
        ReplaceLine(text, after, after + "\n" + newLine);

    /// <summary>1-based number of the first line equal to <paramref name="line"/>.</summary>
    public static int LineOf(string text, string line) => text.Split('\n').ToList().IndexOf(line) + 1;
}
