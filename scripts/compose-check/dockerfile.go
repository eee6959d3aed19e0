package main

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/compose-spec/compose-go/v2/types"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/patternmatcher"
	"github.com/moby/patternmatcher/ignorefile"
)

type dockerfileInfo struct {
	path    string // absolute
	context string // absolute: the Dockerfile's directory
	stages  []instructions.Stage
	args    map[string]bool // every ARG name, global or in a stage
}

// stageIndex resolves a stage reference (name or index) as BuildKit does, among the stages before `before`.
func (df *dockerfileInfo) stageIndex(ref string, before int) (int, bool) {
	if i, err := strconv.Atoi(ref); err == nil {
		return i, i >= 0 && i < before
	}
	for i := 0; i < before; i++ {
		if df.stages[i].Name != "" && strings.EqualFold(df.stages[i].Name, ref) {
			return i, true
		}
	}
	return -1, false
}

// chain is the stage and the stages it is built FROM, most derived first.
func (df *dockerfileInfo) chain(i int) []int {
	out := []int{i}
	for {
		base, ok := df.stageIndex(df.stages[i].BaseName, i)
		if !ok {
			return out
		}
		out = append(out, base)
		i = base
	}
}

// target is the stage a build with `target` produces: the named stage, or the last one.
func (df *dockerfileInfo) target(target string) (int, bool) {
	if target == "" {
		return len(df.stages) - 1, true
	}
	return df.stageIndex(target, len(df.stages))
}

func (df *dockerfileInfo) hasHealthcheck(target string) bool {
	i, ok := df.target(target)
	if !ok {
		return false
	}
	for _, s := range df.chain(i) {
		cmds := df.stages[s].Commands
		for j := len(cmds) - 1; j >= 0; j-- {
			if h, ok := cmds[j].(*instructions.HealthCheckCommand); ok {
				return h.Health != nil && !(len(h.Health.Test) > 0 && h.Health.Test[0] == "NONE")
			}
		}
	}
	return false
}

func checkDockerfile(file string, r *report) *dockerfileInfo {
	name := filepath.Base(file)
	f, err := os.Open(file)
	if err != nil {
		r.fail("%v", err)
		return nil
	}
	defer f.Close()
	res, err := parser.Parse(f)
	if err != nil {
		r.fail("%s does not parse: %v", name, err)
		return nil
	}
	warnings := 0
	for _, w := range res.Warnings {
		warnings++
		loc := "?"
		if w.Location != nil {
			loc = lines([]parser.Range{*w.Location})
		}
		var detail []string
		for _, d := range w.Detail {
			detail = append(detail, string(d))
		}
		r.fail("%s:%s: %s %s", name, loc, w.Short, strings.Join(detail, " "))
	}
	// The rules BuildKit checks while parsing instructions (StageNameCasing, FromAsCasing, ...); the others need a
	// full dockerfile2llb conversion with the base images' configuration.
	lint := linter.New(&linter.Config{Warn: func(rule, _, url, msg string, location []parser.Range) {
		warnings++
		r.fail("%s:%s: %s: %s (%s)", name, lines(location), rule, msg, url)
	}})
	stages, metaArgs, err := instructions.Parse(res.AST, lint)
	if err != nil {
		r.fail("%s: %v", name, err)
		return nil
	}
	if len(stages) == 0 {
		r.fail("%s has no FROM", name)
		return nil
	}
	df := &dockerfileInfo{path: file, context: filepath.Dir(file), stages: stages, args: map[string]bool{}}
	for _, a := range metaArgs {
		for _, kv := range a.Args {
			df.args[kv.Key] = true
		}
	}
	if warnings == 0 {
		r.ok("%s parses with BuildKit's parser without warnings: %d stage(s)", name, len(stages))
	}

	ctx, err := newBuildContext(df.context, file)
	if err != nil {
		r.fail("build context %s: %v", df.context, err)
		return df
	}
	copied, refs := 0, 0
	for i, st := range stages {
		stageName := st.Name
		if stageName == "" {
			stageName = strconv.Itoa(i)
		}
		if j, ok := df.stageIndex(st.BaseName, len(stages)); ok && j >= i {
			r.fail("%s: stage %s is FROM stage %s, which is not defined before it", name, stageName, st.BaseName)
		}
		for _, cmd := range st.Commands {
			loc := name + ":" + lines(cmd.Location())
			switch c := cmd.(type) {
			case *instructions.ArgCommand:
				for _, kv := range c.Args {
					df.args[kv.Key] = true
				}
			case *instructions.CopyCommand:
				if c.From != "" {
					refs++
					checkFrom(df, c.From, i, loc, "COPY --from", r)
					continue
				}
				copied += checkSources(ctx, c.SourcePaths, loc, "COPY", r)
			case *instructions.AddCommand:
				var local []string
				for _, src := range c.SourcePaths {
					if !isRemote(src) {
						local = append(local, src)
					}
				}
				copied += checkSources(ctx, local, loc, "ADD", r)
			case *instructions.RunCommand:
				for _, m := range instructions.GetMounts(c) {
					if m.From != "" {
						refs++
						checkFrom(df, m.From, i, loc, "RUN --mount from", r)
					} else if m.Type == instructions.MountTypeBind && m.Source != "" {
						copied += checkSources(ctx, []string{m.Source}, loc, "RUN --mount=type=bind", r)
					}
				}
			}
		}
	}
	r.ok("%d COPY/ADD source(s) exist in the build context %s (after %s), %d --from reference(s) name earlier stages",
		copied, rel(df.context, df.context), ctx.ignoreFile, refs)

	last, _ := df.target("")
	checkRuntimeStage(df, last, r)
	return df
}

func checkFrom(df *dockerfileInfo, from string, stage int, loc, what string, r *report) {
	if _, ok := df.stageIndex(from, stage); ok {
		return
	}
	if strings.ContainsAny(from, ":/@") {
		return // an image reference, pulled by the build
	}
	r.fail("%s: %s=%s names no earlier stage (a build would try to pull an image called %q)", loc, what, from, from)
}

func isRemote(src string) bool {
	return strings.Contains(src, "://") || strings.HasPrefix(src, "git@")
}

// checkRuntimeStage: the image a build produces runs something (CMD or ENTRYPOINT) and, when the Dockerfile
// switches users at all, not as root.
func checkRuntimeStage(df *dockerfileInfo, i int, r *report) {
	name := filepath.Base(df.path)
	stageName := df.stages[i].Name
	if stageName == "" {
		stageName = strconv.Itoa(i)
	}
	var cmd, entrypoint, user string
	for _, s := range df.chain(i) {
		cmds := df.stages[s].Commands
		for j := len(cmds) - 1; j >= 0; j-- {
			switch c := cmds[j].(type) {
			case *instructions.CmdCommand:
				if cmd == "" {
					cmd = strings.Join(c.CmdLine, " ")
				}
			case *instructions.EntrypointCommand:
				if entrypoint == "" {
					entrypoint = strings.Join(c.CmdLine, " ")
				}
			case *instructions.UserCommand:
				if user == "" {
					user = c.User
				}
			}
		}
	}
	if cmd == "" && entrypoint == "" {
		r.fail("%s: stage %s (what the build produces) has neither CMD nor ENTRYPOINT", name, stageName)
	} else {
		r.ok("%s: stage %s runs ENTRYPOINT [%s] CMD [%s]", name, stageName, entrypoint, cmd)
	}

	usesUser := false
	for _, st := range df.stages {
		for _, c := range st.Commands {
			if _, ok := c.(*instructions.UserCommand); ok {
				usesUser = true
			}
		}
	}
	switch {
	case !usesUser:
		r.ok("%s: no USER instruction; stage %s runs as its base image's user", name, stageName)
	case user == "":
		r.fail("%s: the Dockerfile switches users, but stage %s (what the build produces) has no USER: it runs as root", name, stageName)
	case strings.Contains(user, "$"):
		r.ok("%s: stage %s runs as USER %s (a variable; not checked)", name, stageName, user)
	case isRoot(user):
		r.fail("%s: stage %s runs as USER %s", name, stageName, user)
	default:
		r.ok("%s: stage %s runs as the non-root USER %s", name, stageName, user)
	}
}

func isRoot(user string) bool {
	u, _, _ := strings.Cut(user, ":")
	return u == "root" || u == "0"
}

// checkBuildServices: every compose service that builds builds from this Dockerfile with its directory as the
// context, a target it defines and only build args it declares; a target other than the last stage gets the
// runtime checks too. Then the depends_on conditions, which may rely on the Dockerfile's HEALTHCHECK.
func checkBuildServices(project *types.Project, df *dockerfileInfo, r *report) {
	var builders []string
	targets := map[string]bool{}
	for _, name := range project.ServiceNames() {
		s := project.Services[name]
		if s.Build == nil {
			continue
		}
		builders = append(builders, name)
		b := s.Build
		switch {
		case b.DockerfileInline != "":
			r.fail("service %s builds from an inline Dockerfile, not %s", name, df.path)
			continue
		case isRemote(b.Context):
			r.fail("service %s builds from the remote context %s, not %s", name, b.Context, df.context)
			continue
		case filepath.Clean(b.Context) != df.context:
			r.fail("service %s builds with the context %s, not %s", name, b.Context, df.context)
			continue
		}
		dockerfile := b.Dockerfile
		if dockerfile == "" {
			dockerfile = "Dockerfile"
		}
		if !filepath.IsAbs(dockerfile) {
			dockerfile = filepath.Join(b.Context, dockerfile)
		}
		if filepath.Clean(dockerfile) != df.path {
			r.fail("service %s builds from %s, not %s", name, dockerfile, df.path)
			continue
		}
		i, ok := df.target(b.Target)
		if !ok {
			r.fail("service %s builds the target %q, which %s does not define", name, b.Target, filepath.Base(df.path))
			continue
		}
		if b.Target != "" && i != len(df.stages)-1 && !targets[b.Target] {
			targets[b.Target] = true
			checkRuntimeStage(df, i, r)
		}
		for _, arg := range sortedKeys(b.Args) {
			if !df.args[arg] {
				r.fail("service %s passes the build arg %s, which %s does not declare (ARG)", name, arg, filepath.Base(df.path))
			}
		}
	}
	if len(builders) == 0 {
		r.ok("no compose service builds an image")
	} else {
		r.ok("services %s build from %s with the context %s", strings.Join(builders, " "), rel(df.context, df.path), df.context)
	}
	checkDependencies(project, df, r)
}

// buildsFrom: the service is built from this Dockerfile.
func buildsFrom(s types.ServiceConfig, df *dockerfileInfo) bool {
	if s.Build == nil || s.Build.DockerfileInline != "" {
		return false
	}
	dockerfile := s.Build.Dockerfile
	if dockerfile == "" {
		dockerfile = "Dockerfile"
	}
	if !filepath.IsAbs(dockerfile) {
		dockerfile = filepath.Join(s.Build.Context, dockerfile)
	}
	return filepath.Clean(dockerfile) == df.path
}

// buildContext is the set of paths a build would send: the context directory minus what the ignore file excludes.
type buildContext struct {
	dir        string
	ignoreFile string
	paths      map[string]bool // slash-separated, relative; directories holding a sent file included
}

func newBuildContext(dir, dockerfile string) (*buildContext, error) {
	ctx := &buildContext{dir: dir, ignoreFile: "no .dockerignore", paths: map[string]bool{".": true}}
	// BuildKit prefers <Dockerfile>.dockerignore beside the Dockerfile to <context>/.dockerignore.
	var patterns []string
	for _, candidate := range []string{dockerfile + ".dockerignore", filepath.Join(dir, ".dockerignore")} {
		f, err := os.Open(candidate)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		patterns, err = ignorefile.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, err
		}
		ctx.ignoreFile = rel(dir, candidate)
		break
	}
	pm, err := patternmatcher.New(patterns)
	if err != nil {
		return nil, err
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		relPath, err := filepath.Rel(dir, p)
		if err != nil || relPath == "." {
			return err
		}
		relPath = filepath.ToSlash(relPath)
		excluded, err := pm.MatchesOrParentMatches(relPath)
		if err != nil {
			return err
		}
		if excluded {
			if d.IsDir() && !pm.Exclusions() {
				return filepath.SkipDir
			}
			return nil
		}
		for q := relPath; q != "."; q = path.Dir(q) {
			ctx.paths[q] = true
		}
		return nil
	})
	return ctx, err
}

// checkSources reports COPY/ADD sources the context does not hold; it returns how many it checked.
func checkSources(ctx *buildContext, sources []string, loc, what string, r *report) int {
	n := 0
	for _, src := range sources {
		n++
		if strings.Contains(src, "$") {
			r.ok("%s: %s source %s holds a variable; not checked", loc, what, src)
			continue
		}
		clean := strings.TrimPrefix(path.Clean("/"+filepath.ToSlash(src)), "/")
		if clean == "" {
			clean = "."
		}
		if strings.ContainsAny(clean, "*?[") {
			found := false
			for p := range ctx.paths {
				if ok, _ := path.Match(clean, p); ok {
					found = true
					break
				}
			}
			if !found {
				r.fail("%s: %s %s matches nothing in the build context", loc, what, src)
			}
			continue
		}
		if !ctx.paths[clean] {
			if _, err := os.Stat(filepath.Join(ctx.dir, filepath.FromSlash(clean))); err == nil {
				r.fail("%s: %s %s exists but %s excludes it from the build context", loc, what, src, ctx.ignoreFile)
			} else {
				r.fail("%s: %s %s does not exist in the build context", loc, what, src)
			}
		}
	}
	return n
}

func lines(rs []parser.Range) string {
	if len(rs) == 0 {
		return "?"
	}
	var out []string
	for _, r := range rs {
		if r.Start.Line == r.End.Line {
			out = append(out, strconv.Itoa(r.Start.Line))
		} else {
			out = append(out, strconv.Itoa(r.Start.Line)+"-"+strconv.Itoa(r.End.Line))
		}
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}
