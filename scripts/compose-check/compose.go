package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/template"
	"github.com/compose-spec/compose-go/v2/types"
)

// projectOptions builds the loader options the way `docker compose config` does (docker/compose
// cmd/compose/compose.go toProjectOptions + config.go ToProjectOptions): process environment first (it wins),
// then the env file(s) (default <project>/.env), interpolation, path resolution, normalisation, the consistency
// check, env_file resolved into environment and discarded.
func projectOptions(o options, envFiles []string, extra ...cli.ProjectOptionsFn) (*cli.ProjectOptions, error) {
	fns := []cli.ProjectOptionsFn{cli.WithWorkingDirectory(o.projectDir)}
	if !o.noOsEnv {
		fns = append(fns, cli.WithOsEnv)
	}
	fns = append(fns,
		cli.WithEnvFiles(envFiles...),
		cli.WithDotEnv,
		cli.WithInterpolation(true),
		cli.WithResolvedPaths(true),
		cli.WithNormalization(true),
		cli.WithConsistency(true),
		cli.WithDefaultProfiles(),
		cli.WithDiscardEnvFile,
	)
	if o.dotenv != "" {
		// env_file entries are resolved by loadProject once `.env` has been pointed at the stand-in.
		fns = append(fns, cli.WithoutEnvironmentResolution)
	}
	return cli.NewProjectOptions([]string{o.composeFile}, append(fns, extra...)...)
}

func interpolationEnvFiles(o options) ([]string, error) {
	if o.dotenv == "" {
		return o.envFiles, nil
	}
	abs, err := filepath.Abs(o.dotenv)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(abs); err != nil {
		return nil, fmt.Errorf("--dotenv: %w", err)
	}
	return []string{abs}, nil
}

// loadProject loads the project; without is a variable to remove from the interpolation environment.
func loadProject(ctx context.Context, o options, without string) (*types.Project, error) {
	envFiles, err := interpolationEnvFiles(o)
	if err != nil {
		return nil, err
	}
	opts, err := projectOptions(o, envFiles)
	if err != nil {
		return nil, err
	}
	if without != "" {
		delete(opts.Environment, without)
	}
	project, err := opts.LoadProject(ctx)
	if err != nil {
		return nil, err
	}
	if o.dotenv != "" {
		dot := filepath.Join(o.projectDir, ".env")
		for name, s := range project.Services {
			for i, f := range s.EnvFiles {
				if filepath.Clean(f.Path) == dot {
					s.EnvFiles[i].Path = envFiles[0]
				}
			}
			project.Services[name] = s
		}
		if project, err = project.WithServicesEnvironmentResolved(true); err != nil {
			return nil, err
		}
	}
	// `docker compose config` runs this after loading (unless --no-consistency).
	if err := project.CheckContainerNameUnicity(); err != nil {
		return nil, err
	}
	return project, nil
}

// requiredVariables lists the ${VAR:?message} / ${VAR?message} variables of the raw (uninterpolated) model.
func requiredVariables(ctx context.Context, o options) ([]string, error) {
	opts, err := projectOptions(o, nil, cli.WithInterpolation(false), cli.WithNormalization(false), cli.WithoutEnvironmentResolution)
	if err != nil {
		return nil, err
	}
	model, err := opts.LoadModel(ctx)
	if err != nil {
		return nil, err
	}
	var names []string
	for name, v := range template.ExtractVariables(model, template.DefaultPattern) {
		if v.Required {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names, nil
}

func checkCompose(ctx context.Context, o options, r *report) (*types.Project, error) {
	file := rel(o.projectDir, o.composeFile)
	project, err := loadProject(ctx, o, "")
	if err != nil {
		r.fail("%s does not load as `docker compose config` would: %v", file, err)
		return nil, err
	}
	r.ok("%s loads (schema, interpolation, merges, normalisation, consistency, env_file): project %q, services %s, volumes %s",
		file, project.Name, strings.Join(project.ServiceNames(), " "), strings.Join(sortedKeys(project.Volumes), " "))

	// Every required variable must stop the load when it is missing, with its own message.
	required, err := requiredVariables(ctx, o)
	if err != nil {
		r.fail("%s: cannot list its variables: %v", file, err)
	}
	for _, name := range required {
		_, err := loadProject(ctx, o, name)
		switch {
		case err == nil:
			r.fail("%s loads without the required variable %s", file, name)
		case strings.Contains(err.Error(), "required variable "+name+" is missing a value"):
			msgs := strings.Split(strings.TrimSpace(err.Error()), "\n")
			r.ok("without %s the load fails (%d place(s)): %s", name, len(msgs), msgs[0])
		default:
			r.fail("without %s the load fails, but not for the missing variable: %v", name, err)
		}
	}

	// Bind mounts whose source is missing: short syntax makes docker create an empty directory there, which the
	// container then sees instead of the file it expects.
	for _, name := range project.ServiceNames() {
		s := project.Services[name]
		for _, v := range s.Volumes {
			if v.Type != types.VolumeTypeBind {
				continue
			}
			if _, err := os.Stat(v.Source); err != nil {
				r.fail("service %s mounts %s from %s, which does not exist (docker would create an empty directory there)", name, v.Target, v.Source)
			}
		}
	}
	return project, nil
}

// checkDependencies: a service_healthy dependency needs a healthcheck, from compose or from the Dockerfile it is
// built from (an image's own HEALTHCHECK cannot be checked without pulling it, so it does not count).
func checkDependencies(project *types.Project, df *dockerfileInfo, r *report) {
	checked := 0
	for _, name := range project.ServiceNames() {
		s := project.Services[name]
		for _, depName := range sortedKeys(s.DependsOn) {
			dep := s.DependsOn[depName]
			target, ok := project.Services[depName]
			if !ok {
				r.fail("service %s depends on %s, which is no service", name, depName)
				continue
			}
			if dep.Condition != types.ServiceConditionHealthy {
				continue
			}
			checked++
			switch {
			case target.HealthCheck != nil && !target.HealthCheck.Disable && len(target.HealthCheck.Test) > 0:
			case (target.HealthCheck == nil || !target.HealthCheck.Disable) && df != nil && buildsFrom(target, df) && df.hasHealthcheck(target.Build.Target):
			default:
				r.fail("service %s waits for %s to be healthy, but %s has no healthcheck", name, depName, depName)
			}
		}
	}
	r.ok("%d depends_on service_healthy condition(s), each on a service with a healthcheck", checked)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
