"use client";

import { useState } from "react";

import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@tandem/ui/sheet";

import { PhoneMenuButton, type PhoneMenuProps } from "./phone-menu";

/** The phone menu's sheet (loaded on first use; see `PhoneMenu`). Following a link in it closes it. */
export function PhoneMenuSheet({ slug, children, defaultOpen }: PhoneMenuProps & { defaultOpen: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <PhoneMenuButton slug={slug} />
      </SheetTrigger>
      <SheetContent aria-describedby={undefined} onClick={(e) => (e.target as Element).closest("a[href]") && setOpen(false)}>
        <SheetTitle className="sr-only">Menu</SheetTitle>
        <SheetDescription className="sr-only">Workspace navigation</SheetDescription>
        <div className="h-full pt-8">{children}</div>
      </SheetContent>
    </Sheet>
  );
}
