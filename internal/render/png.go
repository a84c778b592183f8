package render

import (
	"bytes"
	"context"
	"fmt"
	"sync"

	"github.com/fogleman/gg"
	"github.com/goccy/go-graphviz"
	"github.com/goccy/go-graphviz/gvc"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
)

// go-graphviz v0.2.9's own PNG renderer fills edge curves as if they were
// shapes and never strokes the outline of a filled node, so its PNGs lose
// most edges and every border. The root cause is in its bridge: the
// "filled" flag it passes for polygons and curves is the point count, so
// always true. pngRenderer replaces that renderer: it decides filling from
// the object drawn (see fills), fills then strokes, only strokes curves,
// honours dashed and dotted pens and transparent colours, and draws text
// with the embedded Go Regular font so output never depends on the fonts a
// machine happens to have. Known limit: HTML-table cell backgrounds (the
// legend's colour swatches) are not filled in PNG; use SVG for full
// fidelity.
type pngRenderer struct {
	*gvc.DefaultRenderEngine
	dc *gg.Context
}

// newGraphviz starts a Graphviz context whose "png" format is drawn by
// pngRenderer (SVG and DOT are Graphviz's own).
func newGraphviz(ctx context.Context) (*graphviz.Graphviz, error) {
	r, err := gvc.NewRenderPlugin(ctx, "png", &pngRenderer{DefaultRenderEngine: new(gvc.DefaultRenderEngine)},
		gvc.WithRenderFeatures(gvc.RenderYGoesDown, gvc.RenderDoesTransform))
	if err != nil {
		return nil, fmt.Errorf("png renderer: %w", err)
	}
	d, err := gvc.PNGDevicePlugin(ctx)
	if err != nil {
		return nil, fmt.Errorf("png device: %w", err)
	}
	return graphviz.NewWithPlugins(ctx, r, d)
}

func (r *pngRenderer) BeginPage(_ context.Context, job *gvc.Job) error {
	r.dc = gg.NewContext(int(job.Width()), int(job.Height()))
	r.dc.SetRGB(1, 1, 1)
	r.dc.Clear()
	t := job.Translation()
	r.dc.Translate(job.Scale().X()*t.X(), -job.Scale().Y()*t.Y())
	return nil
}

func (r *pngRenderer) EndPage(_ context.Context, job *gvc.Job) error {
	var buf bytes.Buffer
	if err := r.dc.EncodePNG(&buf); err != nil {
		return err
	}
	job.SetOutputData(buf.Bytes())
	job.SetOutputDataPosition(uint(buf.Len()))
	r.dc = nil
	return nil
}

// pt maps a Graphviz point to the image.
func pt(job *gvc.Job, p *gvc.PointFloat) (float64, float64) {
	return job.Scale().X() * p.X(), -job.Scale().Y() * p.Y()
}

// setColor selects c; it reports false for a fully transparent colour.
func (r *pngRenderer) setColor(c *gvc.Color) bool {
	v := c.RGBAUint()
	if v[3] == 0 {
		return false
	}
	r.dc.SetRGBA255(int(v[0]), int(v[1]), int(v[2]), int(v[3]))
	return true
}

// finish fills the current path (when filled) and strokes it with the pen.
func (r *pngRenderer) finish(job *gvc.Job, filled bool) {
	o := job.Object()
	if filled && r.setColor(o.FillColor()) {
		r.dc.FillPreserve()
	}
	if o.Pen() == gvc.PenNone || !r.setColor(o.PenColor()) {
		r.dc.ClearPath()
		return
	}
	w := o.PenWidth() * job.Scale().X()
	r.dc.SetLineWidth(w)
	switch o.Pen() {
	case gvc.PenDashed:
		r.dc.SetDash(5*w, 2*w)
	case gvc.PenDotted:
		r.dc.SetDash(w, 2*w)
	default:
		r.dc.SetDash()
	}
	r.dc.Stroke()
	r.dc.SetDash()
}

// fills says whether the shape being drawn is filled, since the flag
// go-graphviz passes cannot be trusted: the page background and arrowheads
// are, a node's shape is when its style says "filled", HTML-table borders
// are not.
func fills(job *gvc.Job) bool {
	o := job.Object()
	switch o.Type() {
	case gvc.NodeObjectType:
		for _, s := range o.RawStyle() {
			if s == "filled" {
				return true
			}
		}
		return false
	case gvc.ClusterObjectType:
		return false
	}
	return true
}

func (r *pngRenderer) Ellipse(_ context.Context, job *gvc.Job, p []*gvc.PointFloat, _ bool) error {
	cx, cy := pt(job, p[0])
	rx, ry := pt(job, p[1])
	r.dc.NewSubPath()
	r.dc.DrawEllipse(cx, cy, rx-cx, cy-ry)
	r.finish(job, fills(job))
	return nil
}

func (r *pngRenderer) Polygon(_ context.Context, job *gvc.Job, a []*gvc.PointFloat, _ bool) error {
	r.dc.NewSubPath()
	for _, p := range a {
		r.dc.LineTo(pt(job, p))
	}
	r.dc.ClosePath()
	r.finish(job, fills(job))
	return nil
}

// BezierCurve only strokes: Graphviz draws edges as curves.
func (r *pngRenderer) BezierCurve(_ context.Context, job *gvc.Job, a []*gvc.PointFloat, _ bool) error {
	if len(a) == 0 {
		return nil
	}
	r.dc.NewSubPath()
	r.dc.MoveTo(pt(job, a[0]))
	for i := 1; i+2 < len(a); i += 3 {
		x1, y1 := pt(job, a[i])
		x2, y2 := pt(job, a[i+1])
		x3, y3 := pt(job, a[i+2])
		r.dc.CubicTo(x1, y1, x2, y2, x3, y3)
	}
	r.finish(job, false)
	return nil
}

func (r *pngRenderer) Polyline(_ context.Context, job *gvc.Job, a []*gvc.PointFloat) error {
	r.dc.NewSubPath()
	for _, p := range a {
		r.dc.LineTo(pt(job, p))
	}
	r.finish(job, false)
	return nil
}

func (r *pngRenderer) TextSpan(_ context.Context, job *gvc.Job, p *gvc.PointFloat, span *gvc.TextSpan) error {
	if !r.setColor(job.Object().PenColor()) {
		return nil
	}
	face, err := goFace(span.Font().Size() * job.Scale().Y())
	if err != nil {
		return err
	}
	r.dc.SetFontFace(face)
	x, _ := pt(job, p)
	w, _ := r.dc.MeasureString(span.Text())
	switch span.Just() {
	case 'r':
		x -= w
	case 'l':
	default: // centred
		x -= w / 2
	}
	y := -job.Scale().Y() * (p.Y() + span.YOffsetCenterLine() + span.YOffsetLayout())
	r.dc.DrawString(span.Text(), x, y)
	return nil
}

var (
	faceMu sync.Mutex
	faces  = map[float64]font.Face{}
)

// goFace returns the embedded Go Regular font at size points (cached).
func goFace(size float64) (font.Face, error) {
	faceMu.Lock()
	defer faceMu.Unlock()
	if f, ok := faces[size]; ok {
		return f, nil
	}
	ft, err := truetype.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("png font: %w", err)
	}
	f := truetype.NewFace(ft, &truetype.Options{Size: size, Hinting: font.HintingFull})
	faces[size] = f
	return f, nil
}
