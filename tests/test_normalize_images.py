"""Images of rendered fields: real URLs behind lazy loading, srcset, sizes, alt text, captions."""

from __future__ import annotations

import pytest

from wpparse import Content, parse_post
from wpparse._structure.content import Image, SrcsetCandidate

POST_URL = "https://example.org/2026/04/post/"
UPLOADS = "https://example.org/wp-content/uploads/2026/04"
# The placeholder lazy-loading plugins put in src (WP Rocket, Autoptimize, a3 Lazy Load …).
PLACEHOLDER = (
    "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%20300"
    "%20200'%3E%3C/svg%3E"
)
GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


def images(html: str, base_url: str | None = POST_URL) -> tuple[Image, ...]:
    return Content(html=html, base_url=base_url).images


def image_urls(html: str) -> list[str]:
    return [image.url for image in images(html)]


# -- the URL ---------------------------------------------------------------------------------

SOURCES = [
    pytest.param(f'<img src="{UPLOADS}/a.jpg">', f"{UPLOADS}/a.jpg", id="src"),
    pytest.param(
        '<img src="/wp-content/a.jpg">', "https://example.org/wp-content/a.jpg", id="root"
    ),
    pytest.param('<img src="a.jpg">', "https://example.org/2026/04/post/a.jpg", id="relative"),
    pytest.param('<img src="../a.jpg">', "https://example.org/2026/04/a.jpg", id="parent"),
    pytest.param(
        '<img src="//cdn.example.org/a.jpg">', "https://cdn.example.org/a.jpg", id="scheme-relative"
    ),
    pytest.param('<img src=" /a.jpg\n">', "https://example.org/a.jpg", id="white-space-trimmed"),
    pytest.param(
        '<img src="https://i0.wp.com/example.org/a.jpg?resize=300%2C200&#038;ssl=1">',
        "https://i0.wp.com/example.org/a.jpg?resize=300%2C200&ssl=1",
        id="jetpack-038",
    ),
    pytest.param(
        '<img src="https://i0.wp.com/example.org/a.jpg?w=300&amp;ssl=1">',
        "https://i0.wp.com/example.org/a.jpg?w=300&ssl=1",
        id="entity",
    ),
    pytest.param(
        f'<img src="{PLACEHOLDER}" data-lazy-src="{UPLOADS}/l.jpg">',
        f"{UPLOADS}/l.jpg",
        id="data-lazy-src",
    ),
    pytest.param(
        f'<img src="{GIF}" data-src="/d.jpg" class="lazyload">',
        "https://example.org/d.jpg",
        id="data-src",
    ),
    pytest.param(
        f'<img src="{GIF}" data-original="o.jpg" class="lazy">',
        "https://example.org/2026/04/post/o.jpg",
        id="data-original",
    ),
    pytest.param(
        '<img src="/wp-content/plugins/a3-lazy-load/assets/images/lazy_placeholder.gif"'
        ' data-lazy-type="image" data-src="/real.jpg" class="lazy lazy-hidden">',
        "https://example.org/real.jpg",
        id="data-src-over-placeholder-file",
    ),
    pytest.param(
        '<img data-lazy-src="/lazy.jpg" data-src="/data.jpg" data-original="/orig.jpg"'
        ' src="/s.jpg">',
        "https://example.org/lazy.jpg",
        id="data-lazy-src-first",
    ),
    pytest.param(
        '<img data-src="/data.jpg" data-original="/orig.jpg" src="/s.jpg">',
        "https://example.org/data.jpg",
        id="data-src-before-data-original",
    ),
    pytest.param(
        f'<img src="{PLACEHOLDER}" data-lazy-src="">\n<img src="/next.jpg">',
        "https://example.org/next.jpg",
        id="placeholder-only-is-no-image",
    ),
]


@pytest.mark.parametrize(("html", "expected"), SOURCES)
def test_image_url(html: str, expected: str) -> None:
    assert image_urls(html) == [expected]


def test_relative_image_urls_stay_relative_without_a_base_url() -> None:
    assert [image.url for image in images('<img src="a.jpg" srcset="b.jpg 2x">', None)] == ["a.jpg"]
    assert images('<img src="a.jpg" srcset="b.jpg 2x">', None)[0].srcset == (
        SrcsetCandidate("b.jpg", "2x"),
    )


def test_image_url_resolved_against_the_post_link_from_parse_post() -> None:
    post = parse_post(
        {
            "id": 1,
            "link": "/2026/04/post/",
            "_links": {"self": [{"href": "https://blog.example.net/wp-json/wp/v2/posts/1"}]},
            "content": {"rendered": '<p><img src="../a.jpg" srcset="/b.jpg 2x"></p>'},
        }
    )
    assert post.content is not None
    assert post.content.images == (
        Image(
            "https://blog.example.net/2026/04/a.jpg",
            srcset=(SrcsetCandidate("https://blog.example.net/b.jpg", "2x"),),
        ),
    )


UNSAFE = [
    pytest.param('<img src="javascript:alert(1)">', id="javascript"),
    pytest.param('<img src="JaVaScRiPt:alert(1)">', id="javascript-mixed-case"),
    pytest.param('<img src="&#106;avascript:alert(1)">', id="entity"),
    pytest.param('<img src="java\tscript:alert(1)">', id="tab"),
    pytest.param('<img src=" \x01javascript:alert(1)">', id="leading-controls"),
    pytest.param('<img src="vbscript:x">', id="vbscript"),
    pytest.param('<img src="data:image/png;base64,iVBORw0KGgo=">', id="data-inline"),
    pytest.param('<img alt="no source">', id="no-src"),
    pytest.param('<img src="">', id="empty-src"),
]


@pytest.mark.parametrize("html", UNSAFE)
def test_unsafe_or_missing_image_url_is_dropped(html: str) -> None:
    assert image_urls(f'<p><img src="/before.jpg">{html}<img src="/after.jpg"></p>') == [
        "https://example.org/before.jpg",
        "https://example.org/after.jpg",
    ]


# -- lazy loading: one image per picture -------------------------------------------------------

NOSCRIPT = [
    pytest.param(
        f'<img src="{PLACEHOLDER}" alt="Lazy alt" class="lazyload">'
        f'<noscript><img src="{UPLOADS}/real.jpg"></noscript>',
        (Image(f"{UPLOADS}/real.jpg", alt="Lazy alt"),),
        id="placeholder-then-noscript",
    ),
    pytest.param(
        f'<img src="{PLACEHOLDER}" class="lazyload">'
        f'<noscript><img src="{UPLOADS}/real.jpg" alt="Noscript alt"></noscript>',
        (Image(f"{UPLOADS}/real.jpg", alt="Noscript alt"),),
        id="alt-from-noscript",
    ),
    pytest.param(
        f'<img src="{PLACEHOLDER}" alt="Lazy" class="lazyload">'
        f'<noscript><img src="{UPLOADS}/real.jpg" alt="Other"></noscript>',
        (Image(f"{UPLOADS}/real.jpg", alt="Lazy"),),
        id="lazy-alt-wins",
    ),
    pytest.param(
        f'<img src="{PLACEHOLDER}" class="lazyload" alt="L">\n<noscript>'
        f'<img src="{UPLOADS}/real.jpg" width="300" height="200"'
        f' srcset="{UPLOADS}/real-150.jpg 150w"></noscript>',
        (
            Image(
                f"{UPLOADS}/real.jpg",
                alt="L",
                width=300,
                height=200,
                srcset=(SrcsetCandidate(f"{UPLOADS}/real-150.jpg", "150w"),),
            ),
        ),
        id="sizes-from-noscript",
    ),
    pytest.param(
        f'<img src="{PLACEHOLDER}" data-lazy-src="{UPLOADS}/real.jpg" alt="A">'
        f'<noscript><img src="{UPLOADS}/real.jpg" alt="A"></noscript>',
        (Image(f"{UPLOADS}/real.jpg", alt="A"),),
        id="noscript-repeats-lazy",
    ),
    pytest.param(
        f'<img src="{GIF}" data-src="/wp-content/uploads/2026/04/real.jpg">'
        f'<noscript><img src="{UPLOADS}/real.jpg"></noscript>',
        (Image(f"{UPLOADS}/real.jpg"),),
        id="noscript-repeats-relative-lazy",
    ),
    pytest.param(
        f'<p><image src="{UPLOADS}/a.jpg" alt="Old spelling"></p>',
        (Image(f"{UPLOADS}/a.jpg", alt="Old spelling"),),
        id="image-tag-read-as-img",
    ),
    pytest.param(
        f'<img src="{GIF}" data-src="{UPLOADS}/a.jpg" alt="A"><p>Text</p>'
        f'<noscript><img src="{UPLOADS}/pixel.gif"></noscript>',
        (Image(f"{UPLOADS}/a.jpg", alt="A"), Image(f"{UPLOADS}/pixel.gif")),
        id="another-image-in-noscript-after-a-lazy-one",
    ),
    pytest.param(
        f'<img src="{UPLOADS}/plain.jpg"><noscript><img src="{UPLOADS}/plain.jpg"></noscript>',
        (Image(f"{UPLOADS}/plain.jpg"),),
        id="noscript-repeats-plain",
    ),
    pytest.param(
        f'<img src="{PLACEHOLDER}" data-lazy-src="{UPLOADS}/1.jpg" alt="1">'
        f'<noscript><img src="{UPLOADS}/1.jpg"></noscript>'
        f'<img src="{PLACEHOLDER}" alt="2" class="lazyload">'
        f'<noscript><img src="{UPLOADS}/2.jpg"></noscript>',
        (Image(f"{UPLOADS}/1.jpg", alt="1"), Image(f"{UPLOADS}/2.jpg", alt="2")),
        id="two-lazy-images",
    ),
    pytest.param(
        f'<figure class="wp-block-image size-large"><img src="{PLACEHOLDER}" alt="F"'
        f' class="lazyload"><noscript><img src="{UPLOADS}/f.jpg"></noscript>'
        '<figcaption class="wp-element-caption">Fig caption</figcaption></figure>',
        (Image(f"{UPLOADS}/f.jpg", alt="F", caption="Fig caption"),),
        id="lazy-in-figure",
    ),
]


@pytest.mark.parametrize(("html", "expected"), NOSCRIPT)
def test_lazy_loading_copies_make_one_image(html: str, expected: tuple[Image, ...]) -> None:
    assert images(html) == expected


PHOTON = "https://i0.wp.com/example.org/wp-content/uploads/2019/10/devil.jpg"
JETPACK_SRCSET = f"{PHOTON}?w=1280&amp;ssl=1 1280w, {PHOTON}?resize=300%2C212&amp;ssl=1 300w"


def test_jetpack_lazy_image_and_its_noscript_copy_are_one_image() -> None:
    # Jetpack's lazy images keep src, put src + "is-pending-load=1" in data-lazy-src and a GIF
    # in srcset, and repeat the original <img> in <noscript>: one picture, so one image.
    html = (
        '<p><img class="aligncenter size-full wp-image-9496 jetpack-lazy-image" alt="Devil"'
        f' width="1100" height="778" src="{PHOTON}?resize=1100%2C778&#038;ssl=1"'
        f' data-lazy-src="{PHOTON}?resize=1100%2C778&amp;is-pending-load=1#038;ssl=1"'
        f' data-lazy-srcset="{JETPACK_SRCSET}" data-lazy-sizes="(max-width: 1100px) 100vw, 1100px"'
        f' srcset="{GIF}"><noscript><img class="aligncenter size-full wp-image-9496" alt="Devil"'
        f' width="1100" height="778" src="{PHOTON}?resize=1100%2C778&#038;ssl=1"'
        f' srcset="{JETPACK_SRCSET}" sizes="(max-width: 1100px) 100vw, 1100px"'
        ' data-recalc-dims="1"></noscript></p>'
    )
    (image,) = images(html)
    assert image.url.startswith(f"{PHOTON}?resize=1100%2C778&")
    assert (image.alt, image.width, image.height) == ("Devil", 1100, 778)
    assert [candidate.descriptor for candidate in image.srcset] == ["1280w", "300w"]


def test_image_only_in_noscript_is_reported() -> None:
    assert image_urls(f'<noscript><img src="{UPLOADS}/only.jpg"></noscript>') == [
        f"{UPLOADS}/only.jpg"
    ]


def test_same_image_twice_outside_noscript_is_reported_twice() -> None:
    html = f'<p><img src="{UPLOADS}/a.jpg"></p><p><img src="{UPLOADS}/a.jpg"></p>'
    assert image_urls(html) == [f"{UPLOADS}/a.jpg"] * 2


# -- srcset --------------------------------------------------------------------------------------

SRCSETS = [
    pytest.param(
        f"{UPLOADS}/a-300x200.jpg 300w, {UPLOADS}/a-1024x683.jpg 1024w",
        [(f"{UPLOADS}/a-300x200.jpg", "300w"), (f"{UPLOADS}/a-1024x683.jpg", "1024w")],
        id="widths",
    ),
    pytest.param(
        "/a.jpg 1x, /a@2x.jpg 2x",
        [("https://example.org/a.jpg", "1x"), ("https://example.org/a@2x.jpg", "2x")],
        id="densities-relative",
    ),
    pytest.param(
        "a.jpg, a-2x.jpg 2x",
        [
            ("https://example.org/2026/04/post/a.jpg", ""),
            ("https://example.org/2026/04/post/a-2x.jpg", "2x"),
        ],
        id="no-descriptor",
    ),
    pytest.param(
        "https://i0.wp.com/example.org/x.jpg?resize=300%2C200&amp;ssl=1 300w,"
        " https://i0.wp.com/example.org/x.jpg?resize=1024%2C683&amp;ssl=1 1024w",
        [
            ("https://i0.wp.com/example.org/x.jpg?resize=300%2C200&ssl=1", "300w"),
            ("https://i0.wp.com/example.org/x.jpg?resize=1024%2C683&ssl=1", "1024w"),
        ],
        id="photon-encoded-comma",
    ),
    pytest.param(
        "https://i0.wp.com/x.jpg?resize=300%2C200&ssl=1 300w",
        [("https://i0.wp.com/x.jpg?resize=300%2C200&ssl=1", "300w")],
        id="photon-single",
    ),
    pytest.param(
        "https://i0.wp.com/x.jpg?resize=300,200 300w, https://i0.wp.com/x.jpg?resize=600,400 600w",
        [
            ("https://i0.wp.com/x.jpg?resize=300,200", "300w"),
            ("https://i0.wp.com/x.jpg?resize=600,400", "600w"),
        ],
        id="photon-raw-comma",
    ),
    pytest.param(
        "https://i0.wp.com/x.jpg?resize=300,200&#038;ssl=1 300w",
        [("https://i0.wp.com/x.jpg?resize=300,200&ssl=1", "300w")],
        id="photon-raw-comma-038",
    ),
    pytest.param(
        "  /a.jpg   300w ,\n/b.jpg\t600w  ",
        [("https://example.org/a.jpg", "300w"), ("https://example.org/b.jpg", "600w")],
        id="white-space",
    ),
    pytest.param(
        "/a.jpg 300w,/b.jpg 600w",
        [("https://example.org/a.jpg", "300w"), ("https://example.org/b.jpg", "600w")],
        id="no-space-after-comma",
    ),
    pytest.param(
        "/a.jpg 300w, javascript:alert(1) 600w, data:image/gif;base64,R0lG 1x, /c.jpg 900w",
        [("https://example.org/a.jpg", "300w"), ("https://example.org/c.jpg", "900w")],
        id="unsafe-candidates-dropped",
    ),
    pytest.param("", [], id="empty"),
]


@pytest.mark.parametrize(("srcset", "expected"), SRCSETS)
def test_srcset_candidates(srcset: str, expected: list[tuple[str, str]]) -> None:
    (image,) = images(f'<img src="/main.jpg" srcset="{srcset}" sizes="(max-width: 300px) 100vw">')
    assert [(c.url, c.descriptor) for c in image.srcset] == expected


def test_lazy_srcset_preferred_to_placeholder_srcset() -> None:
    html = (
        f'<img src="{PLACEHOLDER}" srcset="{GIF} 1x" data-lazy-src="/a.jpg"'
        ' data-lazy-srcset="/a-300.jpg 300w, /a-600.jpg 600w">'
    )
    assert images(html) == (
        Image(
            "https://example.org/a.jpg",
            srcset=(
                SrcsetCandidate("https://example.org/a-300.jpg", "300w"),
                SrcsetCandidate("https://example.org/a-600.jpg", "600w"),
            ),
        ),
    )


# -- alt, width, height ------------------------------------------------------------------------

ATTRIBUTES = [
    pytest.param('alt="A cat"', "A cat", None, None, id="alt"),
    pytest.param('alt=""', "", None, None, id="alt-empty"),
    pytest.param("", "", None, None, id="alt-absent"),
    pytest.param(
        'alt="Q&amp;A &#8211; &#8220;x&#8221;"', "Q&A – “x”", None, None, id="alt-entities"
    ),
    pytest.param('alt="  two \n lines "', "two lines", None, None, id="alt-white-space"),
    pytest.param('width="300" height="200"', "", 300, 200, id="sizes"),
    pytest.param('width=" 1024 " height="683"', "", 1024, 683, id="sizes-padded"),
    pytest.param('width="100%" height="auto"', "", None, None, id="not-numbers"),
    pytest.param('width="" height=""', "", None, None, id="sizes-empty"),
    pytest.param("WIDTH=640 HEIGHT=480", "", 640, 480, id="uppercase-unquoted"),
]


@pytest.mark.parametrize(("attributes", "alt", "width", "height"), ATTRIBUTES)
def test_image_attributes(attributes: str, alt: str, width: int | None, height: int | None) -> None:
    (image,) = images(f'<img src="/a.jpg" {attributes}>')
    assert (image.alt, image.width, image.height) == (alt, width, height)


def test_image_described_in_full() -> None:
    html = (
        '<figure class="wp-block-image size-large"><img fetchpriority="high" decoding="async"'
        f' width="1024" height="683" src="{UPLOADS}/cat-1024x683.jpg" alt="A cat"'
        ' class="wp-image-5"'
        f' srcset="{UPLOADS}/cat-1024x683.jpg 1024w, {UPLOADS}/cat-300x200.jpg 300w"'
        ' sizes="(max-width: 1024px) 100vw, 1024px" /><figcaption class="wp-element-caption">'
        "Our <strong>cat</strong>&nbsp;&amp; friends</figcaption></figure>"
    )
    assert images(html) == (
        Image(
            url=f"{UPLOADS}/cat-1024x683.jpg",
            alt="A cat",
            caption="Our cat & friends",
            width=1024,
            height=683,
            srcset=(
                SrcsetCandidate(f"{UPLOADS}/cat-1024x683.jpg", "1024w"),
                SrcsetCandidate(f"{UPLOADS}/cat-300x200.jpg", "300w"),
            ),
        ),
    )


# -- captions --------------------------------------------------------------------------------

CAPTIONS = [
    pytest.param(
        '<figure class="wp-block-image size-large"><img src="/a.jpg" alt=""/>'
        '<figcaption class="wp-element-caption">Block caption</figcaption></figure>',
        ["Block caption"],
        id="block-image",
    ),
    pytest.param(
        '<figure class="wp-block-image size-large"><a href="/a-full.jpg"><img src="/a.jpg"/></a>'
        '<figcaption class="wp-element-caption">Linked <a href="/src">source</a></figcaption>'
        "</figure>",
        ["Linked source"],
        id="block-image-linked",
    ),
    pytest.param(
        '<figure class="wp-block-image size-large"><img src="/a.jpg" alt=""/></figure>',
        [""],
        id="block-image-no-caption",
    ),
    pytest.param(
        '<div class="wp-block-image"><figure class="aligncenter size-large"><img src="/a.jpg"/>'
        '<figcaption class="wp-element-caption">Centred</figcaption></figure></div>',
        ["Centred"],
        id="block-image-aligned",
    ),
    pytest.param(
        '<div id="attachment_5" style="width: 310px" class="wp-caption aligncenter">'
        '<img aria-describedby="caption-attachment-5" class="size-medium wp-image-5"'
        ' src="/a.jpg" alt="" width="300" height="200" />'
        '<p id="caption-attachment-5" class="wp-caption-text">Classic caption</p></div>',
        ["Classic caption"],
        id="classic-div",
    ),
    pytest.param(
        '<figure id="attachment_5" aria-describedby="caption-attachment-5" style="width: 300px"'
        ' class="wp-caption alignnone"><a href="/a-full.jpg"><img src="/a.jpg" alt=""></a>'
        '<figcaption id="caption-attachment-5" class="wp-caption-text">HTML5 caption'
        "</figcaption></figure>",
        ["HTML5 caption"],
        id="classic-figure",
    ),
    pytest.param(
        '<figure class="wp-block-gallery has-nested-images columns-default is-cropped'
        ' wp-block-gallery-1 is-layout-flex wp-block-gallery-is-layout-flex">\n'
        '<figure class="wp-block-image size-large"><img src="/g1.jpg" alt="G1"/>'
        '<figcaption class="wp-element-caption">First</figcaption></figure>\n'
        '<figure class="wp-block-image size-large"><img src="/g2.jpg" alt="G2"/></figure>\n'
        '<figure class="wp-block-image size-large"><img src="/g3.jpg" alt="G3"/>'
        '<figcaption class="wp-element-caption">Third</figcaption></figure>\n'
        '<figcaption class="blocks-gallery-caption wp-element-caption">The gallery</figcaption>'
        "</figure>",
        ["First", "", "Third"],
        id="block-gallery",
    ),
    pytest.param(
        '<figure class="wp-block-gallery columns-2 is-cropped"><ul class="blocks-gallery-grid">'
        '<li class="blocks-gallery-item"><figure><img src="/o1.jpg" alt="" data-id="1"'
        ' class="wp-image-1"/><figcaption class="blocks-gallery-item__caption">Old one'
        "</figcaption></figure></li>"
        '<li class="blocks-gallery-item"><figure><a href="/o2"><img src="/o2.jpg" alt=""'
        ' data-id="2"/></a></figure></li>'
        '<li class="blocks-gallery-item"><figure><img src="/o3.jpg" alt="" data-id="3"/>'
        '<figcaption class="blocks-gallery-item__caption">Old three</figcaption></figure></li>'
        '</ul><figcaption class="blocks-gallery-caption">All</figcaption></figure>',
        ["Old one", "", "Old three"],
        id="older-block-gallery",
    ),
    pytest.param(
        "<div id='gallery-1' class='gallery galleryid-5 gallery-columns-3"
        " gallery-size-thumbnail'><dl class='gallery-item'><dt class='gallery-icon landscape'>"
        '<a href=\'/a1\'><img width="150" height="150" src="/s1.jpg"'
        ' class="attachment-thumbnail size-thumbnail" alt="" /></a></dt>'
        "<dd class='wp-caption-text gallery-caption' id='gallery-1-7'>Dl one</dd></dl>"
        "<dl class='gallery-item'><dt class='gallery-icon portrait'><a href='/a2'>"
        '<img src="/s2.jpg" alt="" /></a></dt></dl>'
        "<dl class='gallery-item'><dt class='gallery-icon landscape'><a href='/a3'>"
        '<img src="/s3.jpg" alt="" /></a></dt><dd class=\'wp-caption-text gallery-caption\'>'
        "Dl three</dd></dl><br style='clear: both' /></div>",
        ["Dl one", "", "Dl three"],
        id="gallery-shortcode-dl",
    ),
    pytest.param(
        "<div id='gallery-1' class='gallery galleryid-5 gallery-columns-3'>"
        "<figure class='gallery-item'><div class='gallery-icon landscape'><a href='/a1'>"
        '<img src="/f1.jpg" alt="" /></a></div><figcaption class=\'wp-caption-text'
        " gallery-caption' id='gallery-1-7'>Fig one</figcaption></figure>"
        "<figure class='gallery-item'><div class='gallery-icon portrait'><a href='/a2'>"
        '<img src="/f2.jpg" alt="" /></a></div></figure></div>',
        ["Fig one", ""],
        id="gallery-shortcode-figure",
    ),
    pytest.param(
        '[caption id="" align="alignnone" width="300"]<img src="/c.jpg" alt="Alt" width="300"'
        ' height="200" /> My caption[/caption]',
        ["My caption"],
        id="caption-shortcode",
    ),
    pytest.param(
        '<p>[caption id="attachment_9" align="aligncenter" width="300"]<a href="/big.jpg">'
        '<img class="size-medium wp-image-9" src="/c.jpg" alt="" /></a> Linked <em>cap</em>'
        " &amp; more[/caption]</p>",
        ["Linked cap & more"],
        id="caption-shortcode-linked",
    ),
    pytest.param(
        '[wp_caption width="300"]<img src="/c.jpg"> Old name[/wp_caption]',
        ["Old name"],
        id="wp-caption-shortcode",
    ),
    pytest.param(
        '<figure data-wp-context=\'{"imageId":"1"}\' data-wp-interactive="core/image"'
        ' class="wp-block-image size-large wp-lightbox-container"><img src="/l.jpg" alt="L"'
        ' data-wp-on-async--click="actions.showLightbox"/><button class="lightbox-trigger"'
        ' type="button" aria-haspopup="dialog" aria-label="Enlarge image"><svg'
        ' xmlns="http://www.w3.org/2000/svg" width="12" height="12" viewBox="0 0 12 12"><path'
        ' fill="#fff" d="M2 0a2"/></svg></button><figcaption class="wp-element-caption">'
        "Lightbox caption</figcaption></figure>",
        ["Lightbox caption"],
        id="block-image-lightbox",
    ),
    pytest.param('<p><img src="/a.jpg" alt="Inline"> text</p>', [""], id="no-figure"),
]


@pytest.mark.parametrize(("html", "expected"), CAPTIONS)
def test_image_captions(html: str, expected: list[str]) -> None:
    found = images(html)
    assert [image.caption for image in found] == expected
    assert all(image.url.startswith("https://example.org/") for image in found)


def test_caption_shortcode_gives_the_whole_image() -> None:
    html = (
        '[caption id="" align="alignnone" width="300"]<img src="https://example.org/c.jpg"'
        ' alt="Alt text" width="300" height="200" /> My caption[/caption]'
    )
    expected = Image("https://example.org/c.jpg", "Alt text", "My caption", 300, 200)
    assert images(html) == (expected,)
    assert "[caption" not in Content(html=html, base_url=POST_URL).text


def test_gallery_images_in_document_order() -> None:
    html = (
        '<figure class="wp-block-gallery has-nested-images">'
        + "".join(
            f'<figure class="wp-block-image"><img src="/g{n}.jpg" alt="{n}"/></figure>'
            for n in range(1, 6)
        )
        + "</figure>"
    )
    assert [image.alt for image in images(html)] == ["1", "2", "3", "4", "5"]


# -- what is not an image ------------------------------------------------------------------------

NOT_IMAGES = [
    pytest.param(
        '<img draggable="false" role="img" class="emoji" alt="🙂"'
        ' src="https://s.w.org/images/core/emoji/15.0.3/svg/1f642.svg">',
        id="emoji",
    ),
    pytest.param(
        '<img src="https://example.org/wp-includes/images/smilies/simple-smile.png" alt=":)"'
        ' class="wp-smiley" style="height: 1em; max-height: 1em;" />',
        id="wp-smiley",
    ),
    pytest.param('<div hidden><img src="/hidden.jpg"></div>', id="hidden"),
    pytest.param('<div style="display:none"><img src="/hidden.jpg"></div>', id="display-none"),
    pytest.param(
        '<div class="sharedaddy"><img src="/share-icon.png" alt="Share"></div>', id="jetpack-chrome"
    ),
]


@pytest.mark.parametrize("html", NOT_IMAGES)
def test_not_an_image(html: str) -> None:
    assert image_urls(f'<p>Hi {html} <img src="/real.jpg"></p>') == ["https://example.org/real.jpg"]


def test_emoji_image_is_text_not_an_image() -> None:
    content = Content(
        html='<p>Hi <img class="wp-smiley" alt="🙂" src="/smile.png"></p>', base_url=POST_URL
    )
    assert content.images == ()
    assert content.text == "Hi 🙂"


def test_a_noscript_original_before_its_lazy_image_is_one_image() -> None:
    # Autoptimize writes the noscript copy first.
    found = images(
        f'<noscript><img src="/a.jpg"></noscript><img class="lazyload" src="{PLACEHOLDER}"'
        ' data-src="/a.jpg" alt="A" width="10"><noscript><img src="/b.jpg"></noscript>'
        '<img src="/c.jpg">'
    )
    assert [(image.url, image.alt, image.width) for image in found] == [
        ("https://example.org/a.jpg", "A", 10),
        ("https://example.org/b.jpg", "", None),
        ("https://example.org/c.jpg", "", None),
    ]


def test_an_image_known_only_by_its_srcset_has_the_largest_candidate() -> None:
    (image,) = images(f'<img src="{GIF}" data-srcset="/a-300.jpg 300w, /a.jpg 1024w, /s.jpg">')
    assert image.url == "https://example.org/a.jpg"
    assert len(image.srcset) == 3


def test_an_image_in_a_table_has_no_caption_of_the_table() -> None:
    (image,) = images(
        '<figure class="wp-block-table"><table><tr><td><img src="/logo.png"></td></tr></table>'
        "<figcaption>Table 1: Sponsors</figcaption></figure>"
    )
    assert image.caption == ""


@pytest.mark.parametrize(
    "size",
    ["1" * 5000, "²", "١٢", "12px", "-3", ""],
    ids=["huge", "super", "arabic", "px", "neg", ""],
)
def test_sizes_that_are_no_pixel_count_are_unknown(size: str) -> None:
    # Not ASCII digits, or too many to be a size (thousands would not even convert): unknown.
    image = Content(html=f'<img src="/a.jpg" width="{size}" height="7">').images[0]
    assert (image.width, image.height) == (None, 7)
