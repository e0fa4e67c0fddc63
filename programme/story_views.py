"""Pages of stories and photos: a group's stories and their editor, paper canvas photos,
and the public pages of each region's published stories (no sign-in)."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from canvases.blocks import BLOCKS
from canvases.subject_pages import SubjectThreads
from programme import photos, stories
from programme import story_access as access
from programme.models import PAPER_MAX_PHOTOS, STORY_MAX_PHOTOS
from programme.story_forms import PhotoForm, PublishForm, StoryForm
from programme.threads import STORY

PHONE_ORDER = tuple(sorted(BLOCKS, key=lambda block: block.phone_order))


def _is_thumb(request) -> bool:
    return request.GET.get("size") == "thumb"


# What the photos of stories and of paper canvases share: the upload and the removal.


def _photo_upload(request, *, add, message, done, again):
    """Check the uploaded photo and store it with `add(by=, photo=, caption=)` (a service of
    programme.photos, bound to its story or canvas); then `done` (a redirect) with `message`,
    or `again(form)`, the page once more with the reason beside the form."""
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            add(by=request.user, photo=form.photo, caption=form.cleaned_data["caption"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, message)
            return done
    return again(form)


def _photo_removal(request, remove, photo, done):
    """Remove a photo the user may remove with `remove(photo=, by=)`; then `done`."""
    remove(photo=photo, by=request.user)
    messages.success(request, _("ลบภาพแล้ว"))
    return done


# A group's stories (signed in) ---------------------------------------------------------


@login_required
def group_stories(request, pk):
    group = access.get_group_for_stories(request.user, pk)
    return render(
        request,
        "programme/stories.html",
        {
            "group": group,
            "stories": stories.group_stories(group),
            "canvases": stories.group_canvases(group),
            "can_write": access.can_write_stories(request.user, group),
        },
    )


@login_required
def story_new(request, pk):
    group = access.get_group_for_story_write(request.user, pk)
    form = StoryForm(request.POST or None, group=group)
    if request.method == "POST" and form.is_valid():
        story = stories.story_create(group=group, by=request.user, **form.cleaned_data)
        messages.success(request, _("บันทึกเรื่องเล่าแล้ว เพิ่มภาพได้ด้านล่าง"))
        return redirect("programme:story_edit", pk=story.pk)
    return render(request, "programme/story_form.html", {"group": group, "form": form})


@login_required
def story_detail(request, pk):
    """The story as it will read in public, for the group's readers (drafts included),
    with its comment threads (never shown on the public page)."""
    story = stories.story_with_photos(access.get_story_for_user(request.user, pk))
    threads = SubjectThreads(request.user, story.group, STORY)
    return render(
        request,
        "programme/story_detail.html",
        {
            "group": story.group,
            "story": story,
            "threads": threads.box(story.pk),
            **threads.page,
            "can_write": access.can_write_stories(request.user, story.group),
        },
    )


def _render_editor(request, story, *, form=None, photo_form=None, status=200):
    story = stories.story_with_photos(story)
    return render(
        request,
        "programme/story_edit.html",
        {
            "group": story.group,
            "story": story,
            "form": form or StoryForm(instance=story, group=story.group),
            "photo_form": photo_form or PhotoForm(),
            "publish_form": PublishForm(),
            "max_photos": STORY_MAX_PHOTOS,
        },
        status=status,
    )


@login_required
def story_edit(request, pk):
    story = access.get_story_for_edit(request.user, pk)
    if request.method != "POST":
        return _render_editor(request, story)
    form = StoryForm(request.POST, instance=story, group=story.group)
    if not form.is_valid():
        story.refresh_from_db()
        return _render_editor(request, story, form=form)
    stories.story_update(story=story, by=request.user, **form.cleaned_data)
    messages.success(request, _("บันทึกเรื่องเล่าแล้ว"))
    return redirect("programme:story_edit", pk=story.pk)


@login_required
@require_POST
def story_photo_add(request, pk):
    story = access.get_story_for_edit(request.user, pk)
    return _photo_upload(
        request,
        add=partial(photos.story_photo_add, story=story),
        message=_("เพิ่มภาพแล้ว"),
        done=redirect("programme:story_edit", pk=story.pk),
        again=lambda form: _render_editor(request, story, photo_form=form),
    )


@login_required
@require_POST
def story_photo_delete(request, pk, photo_pk):
    photo = access.get_story_photo_for_edit(request.user, pk, photo_pk)
    return _photo_removal(
        request, photos.story_photo_delete, photo, redirect("programme:story_edit", pk=pk)
    )


@login_required
@require_POST
def story_publish(request, pk):
    story = access.get_story_for_edit(request.user, pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("บันทึกไม่ได้ กรุณาลองอีกครั้ง"))
        return redirect("programme:story_edit", pk=story.pk)
    published = form.cleaned_data["published"]
    stories.story_set_published(story=story, by=request.user, published=published)
    if published:
        messages.success(request, _("เผยแพร่เรื่องเล่าแล้ว ทุกคนอ่านได้โดยไม่ต้องเข้าสู่ระบบ"))
    else:
        messages.success(request, _("ยกเลิกการเผยแพร่แล้ว เรื่องเล่านี้ไม่อยู่ในหน้าสาธารณะอีก"))
    return redirect("programme:story_edit", pk=story.pk)


@login_required
@require_http_methods(["GET", "POST"])
def story_delete(request, pk):
    """Ask first (GET), delete on the confirming POST: no JavaScript needed."""
    story = access.get_story_for_edit(request.user, pk)
    if request.method == "POST":
        stories.story_delete(story=story, by=request.user)
        messages.success(request, _("ลบเรื่องเล่าแล้ว"))
        return redirect("programme:stories", pk=story.group_id)
    return render(
        request,
        "programme/story_delete.html",
        {"group": story.group, "story": story, **stories.story_deletion_counts(story)},
    )


@login_required
@require_GET
def story_photo(request, pk, photo_pk):
    photo = access.get_story_photo_for_user(request.user, pk, photo_pk)
    return photos.photo_response(photo, thumbnail=_is_thumb(request), public=False)


# Paper canvases (signed in) ----------------------------------------------------------------


def _render_paper(request, canvas, *, form=None, status=200):
    can_attach = access.can_attach_paper(request.user, canvas)
    rows = photos.paper_photos(canvas)
    may_delete = access.paper_photo_deleter(request.user, canvas) if can_attach else None
    for row in rows:
        row.can_delete = bool(may_delete and may_delete(row))
    return render(
        request,
        "programme/paper.html",
        {
            "group": canvas.group,
            "canvas": canvas,
            "photos": rows,
            "form": (form or PhotoForm()) if can_attach else None,
            "max_photos": PAPER_MAX_PHOTOS,
        },
        status=status,
    )


@login_required
def paper(request, pk):
    return _render_paper(request, access.get_canvas_for_paper(request.user, pk))


@login_required
@require_POST
def paper_add(request, pk):
    canvas = access.get_canvas_for_paper_attach(request.user, pk)
    return _photo_upload(
        request,
        add=partial(photos.paper_photo_add, canvas=canvas),
        message=_("แนบภาพแผนบนกระดาษแล้ว"),
        done=redirect("programme:paper", pk=canvas.pk),
        again=lambda form: _render_paper(request, canvas, form=form),
    )


@login_required
@require_POST
def paper_delete(request, pk, photo_pk):
    photo = access.get_paper_photo_for_delete(request.user, pk, photo_pk)
    return _photo_removal(
        request, photos.paper_photo_delete, photo, redirect("programme:paper", pk=pk)
    )


@login_required
@require_GET
def paper_photo(request, pk, photo_pk):
    photo = access.get_paper_photo_for_user(request.user, pk, photo_pk)
    return photos.photo_response(photo, thumbnail=_is_thumb(request), public=False)


# Public pages: no sign-in, only what was published, no personal contact ------------------


@require_GET
def public_stories(request, region):
    region = access.get_region_public(region)
    return render(
        request,
        "programme/public_stories.html",
        {"region": region, "page": stories.public_stories_page(region, request.GET.get("page"))},
    )


@require_GET
def public_story(request, region, pk):
    story = stories.story_with_photos(access.get_published_story(region, pk))
    versions = stories.approved_versions(story.group) if story.link_canvas else []
    return render(
        request,
        "programme/public_story.html",
        {"region": story.group.tambon.province.region, "story": story, "versions": versions},
    )


@require_GET
def public_story_photo(request, region, pk, photo_pk):
    photo = access.get_published_story_photo(region, pk, photo_pk)
    return photos.photo_response(photo, thumbnail=_is_thumb(request), public=True)


@require_GET
def public_canvas(request, region, pk, canvas_pk):
    """The approved version's nine texts, only when the story's group agreed to link it."""
    story = access.get_published_story(region, pk)
    version = stories.approved_version_of(story.group, canvas_pk) if story.link_canvas else None
    if version is None:
        raise Http404
    blocks = [{"title": block.title, "text": version.text(block.key)} for block in PHONE_ORDER]
    return render(
        request,
        "programme/public_canvas.html",
        {
            "region": story.group.tambon.province.region,
            "story": story,
            "version": version,
            "blocks": blocks,
        },
    )
